public struct CSMLoad: Hashable, Codable, Sendable {
    public var csm: String
    public var active: Int
    /// Contracts signed in the last 91 days: the field's benchmark is 6–8 per quarter.
    public var newThisQuarter: Int
    public var capacity: Int
}
