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

public struct Stakeholder: Hashable, Codable, Sendable {
    public var role: String
    public var name: String
    public init(role: String, name: String) {
        self.role = role
        self.name = name
    }
}

/// What Sales hands over: the customer's goals, technical requirements, stakeholders and
/// the promises made during the deal.
public struct Handoff: Hashable, Codable, Sendable {
    public var goals: String = ""
    public var requirements: String = ""
    public var stakeholders: [Stakeholder] = []
    public var promises: String = ""
    public init(goals: String = "", requirements: String = "", stakeholders: [Stakeholder] = [], promises: String = "")
    {
        self.goals = goals
        self.requirements = requirements
        self.stakeholders = stakeholders
        self.promises = promises
    }
    public var isEmpty: Bool { goals.isEmpty && requirements.isEmpty && stakeholders.isEmpty && promises.isEmpty }
}

public struct Escalation: Hashable, Codable, Sendable {
    public var reason: String
    public var by: String
    public var on: Day
    public init(reason: String, by: String, on: Day) {
        self.reason = reason
        self.by = by
        self.on = on
    }
}

/// One stage of an account's journey, with its SLA for the account's segment.
public struct Stage: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    public var slaDays: Int
    public var enteredOn: Day?
    public var leftOn: Day?
    /// Set when the stage was left without its gates met.
    public var overrideReason: String?

    public init(
        key: String, name: String, slaDays: Int, enteredOn: Day? = nil, leftOn: Day? = nil,
        overrideReason: String? = nil
    ) {
        self.key = key
        self.name = name
        self.slaDays = slaDays
        self.enteredOn = enteredOn
        self.leftOn = leftOn
        self.overrideReason = overrideReason
    }
}

public struct Checkpoint: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var key: String
    public var name: String
    /// The stage this checkpoint closes (its exit criteria gate that stage).
    public var stage: String
    public var due: Day
    public var customerConfirms: Bool
    public var milestone: Milestone?
    public var achievedOn: Day?
    /// The customer contact who confirmed, where confirmation is required.
    public var confirmedBy: String?
    public var version: Int = 1

    public init(
        id: Int64, key: String, name: String, stage: String, due: Day, customerConfirms: Bool = false,
        milestone: Milestone? = nil, achievedOn: Day? = nil, confirmedBy: String? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.stage = stage
        self.due = due
        self.customerConfirms = customerConfirms
        self.milestone = milestone
        self.achievedOn = achievedOn
        self.confirmedBy = confirmedBy
    }

    public var isAchieved: Bool { achievedOn != nil }
}

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

/// A planned communication: welcome, kickoff, check-ins, milestone reviews.
public struct Touchpoint: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var on: Day
    public var audience: String
    public var channel: String
    public var objective: String
    public init(id: Int64, on: Day, audience: String, channel: String, objective: String) {
        self.id = id
        self.on = on
        self.audience = audience
        self.channel = channel
        self.objective = objective
    }
}

/// A customer in onboarding, with everything its rules need.
public struct Account: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var segment: Segment
    /// Annual recurring revenue, whole currency units.
    public var arr: Int
    public var csm: String
    public var salesOwner: String
    public var contractSigned: Day
    public var targetGoLive: Day
    public var playbook: String
    public var handoff: Handoff
    public var escalation: Escalation?
    /// Set when the last stage was left: the onboarding is over.
    public var completedOn: Day?
    /// The day of the newest event about this account (the stalled "no activity" rule).
    public var lastActivity: Day
    public var thresholds: Thresholds
    public var stages: [Stage]
    /// Index into `stages` of the current stage.
    public var stageIndex: Int
    public var checkpoints: [Checkpoint]
    public var tasks: [OnboardingTask]
    public var touchpoints: [Touchpoint]
    public var version: Int = 1

    public init(
        id: Int64, name: String, segment: Segment, arr: Int, csm: String, salesOwner: String,
        contractSigned: Day, targetGoLive: Day, playbook: String, handoff: Handoff = Handoff(),
        escalation: Escalation? = nil, completedOn: Day? = nil, lastActivity: Day,
        thresholds: Thresholds = Thresholds(), stages: [Stage], stageIndex: Int = 0,
        checkpoints: [Checkpoint] = [], tasks: [OnboardingTask] = [], touchpoints: [Touchpoint] = []
    ) {
        self.id = id
        self.name = name
        self.segment = segment
        self.arr = arr
        self.csm = csm
        self.salesOwner = salesOwner
        self.contractSigned = contractSigned
        self.targetGoLive = targetGoLive
        self.playbook = playbook
        self.handoff = handoff
        self.escalation = escalation
        self.completedOn = completedOn
        self.lastActivity = lastActivity
        self.thresholds = thresholds
        self.stages = stages
        self.stageIndex = stageIndex
        self.checkpoints = checkpoints
        self.tasks = tasks
        self.touchpoints = touchpoints
    }

    public var stage: Stage { stages[stageIndex] }
    public var isActive: Bool { completedOn == nil }

    public func checkpoint(_ id: Int64?) -> Checkpoint? {
        guard let id else { return nil }
        return checkpoints.first { $0.id == id }
    }
    public func task(_ id: Int64) -> OnboardingTask? { tasks.first { $0.id == id } }
    public func tasks(leadingTo checkpoint: Checkpoint) -> [OnboardingTask] {
        tasks.filter { $0.checkpointID == checkpoint.id }
    }

    /// Days in the current stage as of `today`.
    public func daysInStage(asOf today: Day) -> Int {
        max(0, (stage.leftOn ?? today) - (stage.enteredOn ?? contractSigned))
    }

    /// The go-live checkpoint's due date if the playbook has one, else the target.
    public var goLive: Day {
        checkpoints.first { $0.milestone == .goLive }?.due ?? targetGoLive
    }
}
