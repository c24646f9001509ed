/// What the RAG rules need to know about one checkpoint, whatever the date: kept in the
/// store beside the account and updated in the same transaction as every change, so the
/// board never has to read an account's tasks to colour it.
public struct CheckpointFacts: Hashable, Sendable {
    public var id: Int64
    public var due: Day
    public var achieved: Bool
    /// Unfinished tasks leading to it.
    public var open: Int
    /// Of those, blocked tasks and rejected approvals (each makes it off track).
    public var blockedOrRejected: Int
    /// The earliest due date among its unfinished tasks (overdue ⇒ at risk).
    public var earliestOpenDue: Day?
    /// Since when its longest-waiting customer task has waited.
    public var longestCustomerWaitSince: Day?

    public init(
        id: Int64, due: Day, achieved: Bool, open: Int = 0, blockedOrRejected: Int = 0,
        earliestOpenDue: Day? = nil, longestCustomerWaitSince: Day? = nil
    ) {
        self.id = id
        self.due = due
        self.achieved = achieved
        self.open = open
        self.blockedOrRejected = blockedOrRejected
        self.earliestOpenDue = earliestOpenDue
        self.longestCustomerWaitSince = longestCustomerWaitSince
    }

    /// The same state as `Account.status(of:asOf:)`, from the facts alone.
    public func state(asOf today: Day, _ t: Thresholds) -> CheckpointState {
        if achieved { return .achieved }
        if today > due || blockedOrRejected > 0 { return .offTrack }
        let dueIn = due - today
        if open > 0 && dueIn <= t.amberWindowDays { return .atRisk }
        if let d = earliestOpenDue, today > d { return .atRisk }
        if let since = longestCustomerWaitSince, today - since > t.customerWaitDays { return .atRisk }
        return .onTrack
    }
}

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
    /// Who holds up the current stage (see `Account.courtOfCurrentStage`).
    public var stageCourt: Court
    public var nextTitle: String?
    public var nextDue: Day?
    /// In the order the strip shows them (due date, then id).
    public var checkpoints: [CheckpointFacts]
    /// The earliest due date of an unfinished customer task.
    public var earliestCustomerDue: Day?
    /// Since when the longest-pending approval of a reached stage has waited.
    public var longestApprovalPendingSince: Day?

    public init(
        id: Int64, name: String, segment: Segment, arr: Int, csm: String, version: Int, contractSigned: Day,
        goLive: Day, completedOn: Day?, lastActivity: Day, escalated: Bool, thresholds: Thresholds,
        stageName: String, stageSLADays: Int, stageEnteredOn: Day?, stageLeftOn: Day?, stageCourt: Court,
        nextTitle: String?, nextDue: Day?, checkpoints: [CheckpointFacts],
        earliestCustomerDue: Day?, longestApprovalPendingSince: Day?
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
        self.stageCourt = stageCourt
        self.nextTitle = nextTitle
        self.nextDue = nextDue
        self.checkpoints = checkpoints
        self.earliestCustomerDue = earliestCustomerDue
        self.longestApprovalPendingSince = longestApprovalPendingSince
    }

    public var isActive: Bool { completedOn == nil }

    public func daysInStage(asOf today: Day) -> Int {
        max(0, (stageLeftOn ?? today) - (stageEnteredOn ?? contractSigned))
    }

    /// The checkpoint strip, in order.
    public func strip(asOf today: Day) -> [CheckpointState] {
        checkpoints.map { $0.state(asOf: today, thresholds) }
    }

    /// The same RAG as `Account.status(asOf:).rag`.
    public func rag(strip: [CheckpointState]) -> RAG {
        if escalated || strip.contains(.offTrack) { return .red }
        return strip.contains(.atRisk) ? .amber : .green
    }

    /// The same ball-in-court and days as `Account.stall(asOf:)`, without the sentences.
    public func stall(asOf today: Day) -> StallMark? {
        guard isActive else { return nil }
        let t = thresholds
        var found: [(court: Court, days: Int)] = []
        let quiet = today - lastActivity
        if quiet >= t.noActivityDays { found.append((.ours, quiet)) }
        let over = daysInStage(asOf: today) - stageSLADays
        if over > 0 { found.append((stageCourt, over)) }
        if let due = earliestCustomerDue, today - due > t.customerOverdueDays { found.append((.customer, today - due)) }
        if let since = longestApprovalPendingSince, max(0, today - since) > t.approvalPendingDays {
            found.append((.approver, max(0, today - since)))
        }
        return StallMark.lead(found)
    }
}

/// Whose court a stalled onboarding's ball is in, and for how many days.
public struct StallMark: Hashable, Sendable {
    public var ballInCourt: Court
    public var days: Int
    public init(ballInCourt: Court, days: Int) {
        self.ballInCourt = ballInCourt
        self.days = days
    }

    /// The longest-running reason; ties go to the customer, then an approver, then us —
    /// the lead's question is who must move first.
    static func lead(_ found: [(court: Court, days: Int)]) -> StallMark? {
        func rank(_ c: Court) -> Int { c == .customer ? 2 : c == .approver ? 1 : 0 }
        return found.max { ($0.days, rank($0.court)) < ($1.days, rank($1.court)) }.map {
            StallMark(ballInCourt: $0.court, days: $0.days)
        }
    }
}

extension Account {
    /// The account's facts: computed from the whole account whenever it is saved.
    public var facts: AccountFacts {
        var byCheckpoint: [Int64: CheckpointFacts] = [:]
        for c in checkpoints { byCheckpoint[c.id] = CheckpointFacts(id: c.id, due: c.due, achieved: c.isAchieved) }
        var customerDue: Day?
        var approvalSince: Day?
        for t in tasks where t.isOpen {
            if t.lane == .customer { customerDue = min(customerDue ?? t.due, t.due) }
            if let since = pendingSince(t) { approvalSince = min(approvalSince ?? since, since) }
            guard let id = t.checkpointID, var f = byCheckpoint[id] else { continue }
            f.open += 1
            if t.status == .blocked || t.status == .rejected { f.blockedOrRejected += 1 }
            f.earliestOpenDue = min(f.earliestOpenDue ?? t.due, t.due)
            if t.lane == .customer && t.status == .waiting {
                f.longestCustomerWaitSince = min(f.longestCustomerWaitSince ?? t.statusSince, t.statusSince)
            }
            byCheckpoint[id] = f
        }
        let next = nextDue()
        return AccountFacts(
            id: id, name: name, segment: segment, arr: arr, csm: csm, version: version, contractSigned: contractSigned,
            goLive: goLive, completedOn: completedOn, lastActivity: lastActivity, escalated: escalation != nil,
            thresholds: thresholds, stageName: isActive ? stage.name : "Completed", stageSLADays: stage.slaDays,
            stageEnteredOn: stage.enteredOn, stageLeftOn: stage.leftOn, stageCourt: courtOfCurrentStage(),
            nextTitle: next?.title, nextDue: next?.due,
            checkpoints: checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.compactMap { byCheckpoint[$0.id] },
            earliestCustomerDue: customerDue, longestApprovalPendingSince: approvalSince)
    }
}
