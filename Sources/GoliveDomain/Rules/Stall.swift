public struct Stall: Hashable, Sendable {
    public var reasons: [StallReason]
    /// The court of the longest-running reason (ties: customer, approver, then ours —
    /// the lead's question is who must move first).
    public var ballInCourt: Court
    public var days: Int
}
