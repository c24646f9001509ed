public struct CSMLoad: Hashable, Codable, Sendable {
    public var csm: String
    public var active: Int
    /// Contracts signed in the calendar quarter holding today (`Metrics.quarter`): the
    /// field's benchmark is 6–8 per quarter.
    public var newThisQuarter: Int
    /// The same, each weighted by its segment (equal to the count without weights).
    public var weightedLoad: Double
    public var capacity: Int

    public var isOver: Bool { weightedLoad > Double(capacity) }
}
