public struct Stakeholder: Hashable, Codable, Sendable {
    public var role: String
    public var name: String
    public init(role: String, name: String) {
        self.role = role
        self.name = name
    }
}
