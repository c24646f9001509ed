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
    /// The first plan's go-live and the moves since (nil: never moved).
    public var goLivePlan: Replan?
    public var playbook: String
    public var handoff: Handoff
    public var escalation: Escalation?
    /// Every hold, oldest first; the last one lasts while it has not resumed.
    public var holds: [Hold]
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
        contractSigned: Day, targetGoLive: Day, goLivePlan: Replan? = nil, playbook: String,
        handoff: Handoff = Handoff(),
        escalation: Escalation? = nil, holds: [Hold] = [], completedOn: Day? = nil, lastActivity: Day,
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
        self.goLivePlan = goLivePlan
        self.playbook = playbook
        self.handoff = handoff
        self.escalation = escalation
        self.holds = holds
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

    /// Days in the current stage as of `today`, the stage SLA's clock: days on hold do not
    /// count, and while on hold it stands still.
    public func daysInStage(asOf today: Day) -> Int {
        let entered = stage.enteredOn ?? contractSigned
        let end = stage.leftOn ?? min(today, currentHold?.from ?? today)
        return max(0, end - clockStart(entered, before: stage.leftOn))
    }

    /// The go-live checkpoint's due date if the playbook has one, else the target.
    public var goLive: Day {
        checkpoints.first { $0.milestone == .goLive }?.due ?? targetGoLive
    }
}
