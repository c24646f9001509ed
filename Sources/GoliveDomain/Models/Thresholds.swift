/// Thresholds of the RAG and stalled rules; a playbook may override each one.
public struct Thresholds: Hashable, Codable, Sendable {
    /// A checkpoint due within this many days with open tasks is at risk.
    public var amberWindowDays = 3
    /// No event for this many days ⇒ stalled.
    public var noActivityDays = 7
    /// A customer task overdue by more than this ⇒ stalled.
    public var customerOverdueDays = 5
    /// An approval pending more than this ⇒ stalled.
    public var approvalPendingDays = 5
    /// A customer task waiting longer than this puts its checkpoint at risk.
    public var customerWaitDays = 5

    public init() {}
}
