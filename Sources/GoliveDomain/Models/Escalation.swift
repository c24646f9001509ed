public struct Escalation: Hashable, Codable, Sendable {
    public var reason: String
    public var by: String
    public var on: Day
    public init(reason: String, by: String, on: Day) {
        self.reason = reason
        self.by = by
        self.on = on
    }
}
