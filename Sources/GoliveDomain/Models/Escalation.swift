public struct Escalation: Hashable, Codable, Sendable {
    public var reason: String
    public var by: String
    public var on: Day
    /// The level or the person it went to ("VP Customer Success", "Dana").
    public var to: String?
    public init(reason: String, by: String, on: Day, to: String? = nil) {
        self.reason = reason
        self.by = by
        self.on = on
        self.to = to
    }
}
