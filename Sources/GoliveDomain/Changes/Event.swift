/// A recorded change: who, when, what, before → after. History, undo, "what changed
/// since my last review", stage durations and metrics all read these.
public struct Event: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    /// ISO 8601 UTC, second precision (see `Timestamp`).
    public var at: String
    public var who: String
    public var accountID: Int64?
    public var taskID: Int64?
    public var checkpointID: Int64?
    /// What happened, e.g. `task.status`, `stage.advanced`, `account.escalated`.
    public var kind: String
    public var before: String?
    public var after: String?
    /// Free text: a reason, a note, an override.
    public var detail: String?
    /// What the change replaced (nil in events from before stores kept it).
    public var prior: Prior?

    public init(
        id: Int64 = 0, at: String, who: String, accountID: Int64?, taskID: Int64? = nil,
        checkpointID: Int64? = nil, kind: String, before: String? = nil, after: String? = nil, detail: String? = nil,
        prior: Prior? = nil
    ) {
        self.id = id
        self.at = at
        self.who = who
        self.accountID = accountID
        self.taskID = taskID
        self.checkpointID = checkpointID
        self.kind = kind
        self.before = before
        self.after = after
        self.detail = detail
        self.prior = prior
    }

    public var day: Day? { Timestamp.day(of: at) }
}
