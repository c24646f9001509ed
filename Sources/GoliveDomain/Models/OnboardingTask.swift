/// A task (PRODUCT.md's word; named so as not to shadow Swift's concurrency `Task`).
public struct OnboardingTask: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    public var lane: Lane
    /// A team member or a customer contact.
    public var owner: String
    public var due: Day
    public var status: TaskStatus
    /// Why it is blocked, skipped or rejected.
    public var reason: String?
    /// The day the task entered its current status: waiting and pending durations.
    public var statusSince: Day
    /// The day it was finished (done, skipped or approved).
    public var finishedOn: Day?
    public var checkpointID: Int64?
    public var dependsOn: [Int64]
    public var version: Int = 1

    public init(
        id: Int64, title: String, lane: Lane, owner: String, due: Day, status: TaskStatus? = nil,
        reason: String? = nil, statusSince: Day, finishedOn: Day? = nil,
        checkpointID: Int64? = nil, dependsOn: [Int64] = []
    ) {
        self.id = id
        self.title = title
        self.lane = lane
        self.owner = owner
        self.due = due
        self.status = status ?? TaskStatus.initial(in: lane)
        self.reason = reason
        self.statusSince = statusSince
        self.finishedOn = finishedOn
        self.checkpointID = checkpointID
        self.dependsOn = dependsOn
    }

    public var isOpen: Bool { !status.isFinished }

    /// Days past due as of `today` while unfinished (0 when not overdue).
    public func daysOverdue(asOf today: Day) -> Int { isOpen ? max(0, today - due) : 0 }
}
