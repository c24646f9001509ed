/// What the KPIs need of one account, and nothing more: small enough to keep in the store
/// beside the board's facts (updated in each change's own transaction), so the metrics
/// of 10,000 accounts are added up without reading a task. Whatever depends on today is
/// kept as the days it compares with today. Those days (due dates, the target go-live, the
/// day a stage was entered) are moved on by the days of finished holds since
/// (`Account.clockStart`), and today stands still on a current hold's first day, so no
/// KPI counts days on hold.
public struct MetricFacts: Hashable, Sendable {
    public var id: Int64
    public var csm: String
    public var segment: Segment
    public var playbook: String
    public var contractSigned: Day
    public var targetGoLive: Day
    public var completedOn: Day?
    /// Since when the account is on hold (nil: it is not); its forecast stands as on that day.
    public var heldSince: Day?
    public var onHold: Bool { heldSince != nil }
    public var firstValueOn: Day?
    /// Days from the contract to first value (go-live) without the days on hold.
    public var firstValueWorkingDays: Int?
    public var goLiveOn: Day?
    public var goLiveWorkingDays: Int?
    /// The first plan's go-live.
    public var goLiveBaseline: Day
    /// The go-live checkpoint's forecast for any day (nil: no go-live checkpoint, or achieved).
    public var goLiveForecast: Schedule.Terms?
    public var goLiveMoves: Int
    /// Due-date moves of checkpoints and go-lives, in all.
    public var datesMoved: Int
    /// Every checkpoint, achieved or not: on time by milestone and in all.
    public var checkpoints: [CheckpointOutcome]
    /// Customer tasks done, and done by their due date.
    public var customerDone: Int
    public var customerOnTime: Int
    /// The due dates of customer tasks not finished: late once today is past them.
    public var openCustomerDues: [Day]
    /// Days tasks ran late, per lane: finished late (fixed), and the earliest due date of
    /// the unfinished ones (running late until today).
    public var lateSpans: [LateSpan]
    public var stages: [StageStay]

    public var isActive: Bool { completedOn == nil }

    public init(
        id: Int64, csm: String, segment: Segment, playbook: String, contractSigned: Day, targetGoLive: Day,
        completedOn: Day?, heldSince: Day?, firstValueOn: Day?, firstValueWorkingDays: Int?, goLiveOn: Day?,
        goLiveWorkingDays: Int?, goLiveBaseline: Day, goLiveForecast: Schedule.Terms?, goLiveMoves: Int,
        datesMoved: Int, checkpoints: [CheckpointOutcome], customerDone: Int, customerOnTime: Int,
        openCustomerDues: [Day], lateSpans: [LateSpan], stages: [StageStay]
    ) {
        self.id = id
        self.csm = csm
        self.segment = segment
        self.playbook = playbook
        self.contractSigned = contractSigned
        self.targetGoLive = targetGoLive
        self.completedOn = completedOn
        self.heldSince = heldSince
        self.firstValueOn = firstValueOn
        self.firstValueWorkingDays = firstValueWorkingDays
        self.goLiveOn = goLiveOn
        self.goLiveWorkingDays = goLiveWorkingDays
        self.goLiveBaseline = goLiveBaseline
        self.goLiveForecast = goLiveForecast
        self.goLiveMoves = goLiveMoves
        self.datesMoved = datesMoved
        self.checkpoints = checkpoints
        self.customerDone = customerDone
        self.customerOnTime = customerOnTime
        self.openCustomerDues = openCustomerDues
        self.lateSpans = lateSpans
        self.stages = stages
    }
}

/// Days one lane's work ran late: `from` up to `to`, or up to today while `to` is nil.
public struct LateSpan: Hashable, Sendable {
    public var lane: Lane
    public var from: Day
    public var to: Day?

    public init(lane: Lane, from: Day, to: Day?) {
        self.lane = lane
        self.from = from
        self.to = to
    }
}

/// A stage the account entered: until it left, or until today while it is in it.
public struct StageStay: Hashable, Sendable {
    public var key: String
    public var name: String
    public var slaDays: Int
    public var entered: Day
    public var left: Day?

    public init(key: String, name: String, slaDays: Int, entered: Day, left: Day?) {
        self.key = key
        self.name = name
        self.slaDays = slaDays
        self.entered = entered
        self.left = left
    }
}
