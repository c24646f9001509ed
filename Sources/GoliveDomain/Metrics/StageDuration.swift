public struct StageDuration: Hashable, Codable, Sendable {
    public var stage: String
    public var name: String
    /// Finished stays in this stage, plus the current stay of active accounts.
    public var days: Spread
    /// Median SLA across the accounts measured (SLAs differ by segment).
    public var slaDays: Double?
    /// Stays that ran past their SLA.
    public var overSLA: Rate
}
