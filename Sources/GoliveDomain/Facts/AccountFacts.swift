/// One account as the board sees it: everything its row, RAG, checkpoint strip and stalled
/// mark need, without its tasks. Date-independent — the rules are applied to it for the
/// day being looked at — so it changes only when the account does.
public struct AccountFacts: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var segment: Segment
    public var arr: Int
    public var csm: String
    public var version: Int
    public var contractSigned: Day
    public var goLive: Day
    public var completedOn: Day?
    public var lastActivity: Day
    public var escalated: Bool
    public var thresholds: Thresholds
    public var stageName: String
    public var stageSLADays: Int
    public var stageEnteredOn: Day?
    public var stageLeftOn: Day?
    /// Whose court the ball is in, day by day (`Schedule.courtsByDay`).
    public var court: BallInCourt
    public var nextTitle: String?
    public var nextDue: Day?
    /// In the order the strip shows them (due date, then id).
    public var checkpoints: [CheckpointFacts]
    /// The earliest due date of an unfinished customer task the customer can move on.
    public var earliestCustomerDue: Day?
    /// The earliest due date of an unfinished customer task waiting on unfinished work of
    /// ours: overdue, it puts the ball in our court.
    public var earliestCustomerDueWaitingOnUs: Day?
    /// Since when the longest-pending approval of a reached stage has waited.
    public var longestApprovalPendingSince: Day?
    /// When the go-live checkpoint was achieved: the board then shows ✔ and that day.
    public var goLiveAchievedOn: Day?
    /// Since when the account is on hold (nil when it is not), and when it should resume.
    public var heldSince: Day?
    public var holdResume: Day?
    /// The go-live of the first plan (nil: never moved) and how many times it moved.
    public var goLiveBaseline: Day?
    public var goLiveMoves: Int
    /// The day of the earliest touchpoint nobody has marked held or missed.
    public var earliestPlannedTouchpoint: Day?
    /// In Handoff with a handoff record that lacks something.
    public var handoffIncomplete: Bool

    public init(
        id: Int64, name: String, segment: Segment, arr: Int, csm: String, version: Int, contractSigned: Day,
        goLive: Day, completedOn: Day?, lastActivity: Day, escalated: Bool, thresholds: Thresholds,
        stageName: String, stageSLADays: Int, stageEnteredOn: Day?, stageLeftOn: Day?, court: BallInCourt,
        nextTitle: String?, nextDue: Day?, checkpoints: [CheckpointFacts],
        earliestCustomerDue: Day?, longestApprovalPendingSince: Day?, goLiveAchievedOn: Day? = nil,
        earliestCustomerDueWaitingOnUs: Day? = nil, heldSince: Day? = nil, holdResume: Day? = nil,
        goLiveBaseline: Day? = nil, goLiveMoves: Int = 0, earliestPlannedTouchpoint: Day? = nil,
        handoffIncomplete: Bool = false
    ) {
        self.id = id
        self.name = name
        self.segment = segment
        self.arr = arr
        self.csm = csm
        self.version = version
        self.contractSigned = contractSigned
        self.goLive = goLive
        self.completedOn = completedOn
        self.lastActivity = lastActivity
        self.escalated = escalated
        self.thresholds = thresholds
        self.stageName = stageName
        self.stageSLADays = stageSLADays
        self.stageEnteredOn = stageEnteredOn
        self.stageLeftOn = stageLeftOn
        self.court = court
        self.nextTitle = nextTitle
        self.nextDue = nextDue
        self.checkpoints = checkpoints
        self.earliestCustomerDue = earliestCustomerDue
        self.longestApprovalPendingSince = longestApprovalPendingSince
        self.goLiveAchievedOn = goLiveAchievedOn
        self.earliestCustomerDueWaitingOnUs = earliestCustomerDueWaitingOnUs
        self.heldSince = heldSince
        self.holdResume = holdResume
        self.goLiveBaseline = goLiveBaseline
        self.goLiveMoves = goLiveMoves
        self.earliestPlannedTouchpoint = earliestPlannedTouchpoint
        self.handoffIncomplete = handoffIncomplete
    }

    public var isActive: Bool { completedOn == nil }

    /// `stageEnteredOn` already stands where the finished holds moved the clock to.
    public func daysInStage(asOf today: Day) -> Int {
        max(0, (stageLeftOn ?? min(today, heldSince ?? today)) - (stageEnteredOn ?? contractSigned))
    }

    /// The day the rules look at: `today`, or the hold's first day while on hold
    /// (`Account.ruleDay`).
    public func ruleDay(_ today: Day) -> Day { min(today, heldSince ?? today) }

    /// The checkpoint strip, in order; on hold, as it stood on the hold's first day.
    public func strip(asOf today: Day) -> [CheckpointState] {
        let day = ruleDay(today)
        return checkpoints.map { $0.state(asOf: day, thresholds, forecastDay: day) }
    }

    /// The same as `Schedule.goLiveForecast`: the day the go-live checkpoint was achieved or
    /// is forecast, else the target go-live.
    public func goLiveForecast(asOf today: Day) -> Day {
        if let on = goLiveAchievedOn { return on }
        guard let c = checkpoints.first(where: \.isGoLive) else { return goLive }
        return c.forecast(on: ruleDay(today))
    }

    /// Whose court the ball is in (`Schedule.ballInCourt`); nil for a completed onboarding.
    public func ballInCourt(asOf today: Day) -> Court? {
        isActive ? court.on(ruleDay(today)) : nil
    }

    /// The same RAG as `Account.status(asOf:).rag`.
    public func rag(strip: [CheckpointState], asOf today: Day) -> RAG {
        if escalated || strip.contains(.offTrack) { return .red }
        if let resume = holdResume, heldSince != nil, today > resume { return .amber }
        if isActive && goLiveAchievedOn == nil && goLiveMoves >= Account.repeatedGoLiveMoves { return .amber }
        if isActive && handoffIncomplete { return .amber }
        if isActive, let d = earliestPlannedTouchpoint, ruleDay(today) - d > Touchpoint.windowDays { return .amber }
        return strip.contains(.atRisk) ? .amber : .green
    }

    /// The same ball-in-court and days as `Account.stall(asOf:)`, without the sentences.
    public func stall(asOf today: Day) -> StallMark? {
        guard isActive, heldSince == nil else { return nil }
        let t = thresholds
        var found: [(court: Court, days: Int)] = []
        let quiet = today - lastActivity
        if quiet >= t.noActivityDays { found.append((.ours, quiet)) }
        let over = daysInStage(asOf: today) - stageSLADays
        if over > 0 { found.append((.ours, over)) }
        if let due = earliestCustomerDue, today - due > t.customerOverdueDays { found.append((.customer, today - due)) }
        if let due = earliestCustomerDueWaitingOnUs, today - due > t.customerOverdueDays {
            found.append((.ours, today - due))
        }
        if let since = longestApprovalPendingSince, max(0, today - since) > t.approvalPendingDays {
            found.append((.approver, max(0, today - since)))
        }
        return StallMark.lead(found).map { StallMark(ballInCourt: court.on(today), days: $0.days) }
    }
}
