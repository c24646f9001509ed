import GoliveDomain

/// An unfinished task past its due date, with its account.
public struct OverdueTask: Hashable, Sendable {
    public var account: String
    public var csm: String
    public var lane: Lane
    public var title: String
    public var owner: String
    public var status: TaskStatus
    public var due: Day
}
