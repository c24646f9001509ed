public struct StallReason: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        case noActivity = "no_activity"
        case stageOverSLA = "stage_over_sla"
        case customerTaskOverdue = "customer_task_overdue"
        case approvalPending = "approval_pending"
    }
    public var kind: Kind
    public var text: String
    public var court: Court
    /// How many days the ball has been in that court.
    public var days: Int
    public var description: String { text }
}
