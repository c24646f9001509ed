/// Each account's part in the KPIs on one day, worked out once and then added into every
/// group the account belongs to (the team, its CSM, segment, playbook, cohort): the
/// per-account work — late days per lane, days per stage — is not repeated per group.
public struct MetricTallies: Sendable {
    struct Tally: Sendable {
        var id: Int64
        /// The CSM by slot in `csms`: each name hashed once, not once per group.
        var csm: Int
        var active: Bool
        var onHold: Bool
        var firstValue: Int?
        var firstValueWorking: Int?
        var goLive: Int?
        var goLiveCounted: Bool
        var goLiveOnTime: Bool
        var goLiveWeek: Int?
        var customerDone: Int
        var customerOnTime: Int
        var lost: (customer: Int, us: Int, approvers: Int)
        var stages: [(slot: Int, days: Int, sla: Int)]
        var newThisQuarter: Bool
        var weight: Double
        /// Each checkpoint past due or achieved: its milestone's slot, and whether it was met
        /// on time.
        var milestones: [(slot: Int, onTime: Bool)]
        var old7: Bool
        var within7: Bool
        var targetDue: Bool
        var onTarget: Bool
        /// Days the go-live is forecast after the first plan (nil: live, or completed).
        var forecastSlip: Int?
        var goLiveMoved: Bool
        var datesMoved: Int
        /// Ever escalated, and the days each resolved escalation took: looked up once, not
        /// once per group.
        var escalated: Bool
        var resolveDays: [Int]
    }

    let tallies: [Tally]
    /// Stage keys and names by slot, in the order first met.
    let stageKeys: [(key: String, name: String)]
    /// Checkpoint keys and names by slot, in the order first met.
    let milestoneKeys: [(key: String, name: String)]
    /// The calendar quarter holding today: new onboardings are those signed in it.
    let quarter: ClosedRange<Day>
    let csms: [String]
    let capacity: Capacity
    let weeks: Int

    public init(
        facts: [MetricFacts], everEscalated: Set<Int64>, resolveDays: [Int64: [Int]] = [:],
        capacity: Capacity = Capacity(), asOf today: Day, weeks: Int = 12
    ) {
        var csms = FirstMet<String>()
        var stages = FirstMet<(key: String, name: String)>()
        var milestones = FirstMet<(key: String, name: String)>()
        let quarter = Period.quarter.span(holding: today)
        var out: [Tally] = []
        out.reserveCapacity(facts.count)
        var spans: [(Day, Day)] = []
        for a in facts {
            var t = Tally(
                id: a.id, csm: csms.slot(a.csm, a.csm), active: a.isActive, onHold: a.onHold,
                firstValue: a.firstValueOn.map { $0 - a.contractSigned }, firstValueWorking: a.firstValueWorkingDays,
                goLive: a.goLiveWorkingDays ?? a.goLiveOn.map { $0 - a.contractSigned }, goLiveCounted: false,
                goLiveOnTime: false,
                goLiveWeek: nil, customerDone: a.customerDone, customerOnTime: a.customerOnTime, lost: (0, 0, 0),
                stages: [], newThisQuarter: false, weight: 0, milestones: [], old7: false, within7: false,
                targetDue: false, onTarget: false, forecastSlip: nil, goLiveMoved: a.goLiveMoves > 0,
                datesMoved: a.datesMoved,
                escalated: everEscalated.contains(a.id), resolveDays: resolveDays[a.id] ?? [])
            // The clocks' today: on hold, the hold's first day (the calendar still counts
            // ages and weeks).
            let clockToday = min(today, a.heldSince ?? today)
            // Not live and past the target is late too: leaving it out would flatter the rate.
            if let done = a.goLiveOn {
                t.goLiveCounted = true
                t.goLiveOnTime = done <= a.targetGoLive
                let weeksAgo = (today - done) / 7
                if weeksAgo >= 0 && weeksAgo < weeks { t.goLiveWeek = weeks - 1 - weeksAgo }
            } else if a.isActive && clockToday > a.targetGoLive {
                t.goLiveCounted = true
            }
            // Open and already overdue: late, whatever happens next.
            for d in a.openCustomerDues where clockToday > d { t.customerDone += 1 }
            // Calendar days: two late tasks of one lane on the same days lose those days once.
            for lane in Lane.allCases {
                spans.removeAll(keepingCapacity: true)
                for s in a.lateSpans where s.lane == lane {
                    let end = s.to ?? clockToday
                    if end > s.from { spans.append((s.from, end)) }
                }
                guard !spans.isEmpty else { continue }
                let days = Metrics.daysCovered(spans)
                switch lane {
                case .customer: t.lost.customer = days
                case .internal: t.lost.us = days
                case .approval: t.lost.approvers = days
                }
            }
            t.stages.reserveCapacity(a.stages.count)
            for s in a.stages {
                t.stages.append(
                    (stages.slot(s.key, (s.key, s.name)), max(0, (s.left ?? clockToday) - s.entered), s.slaDays))
            }
            let age = today - a.contractSigned
            if quarter.contains(a.contractSigned) && a.contractSigned <= today {
                t.newThisQuarter = true
                t.weight = capacity.weight(of: a.segment)
            }
            for c in a.checkpoints {
                // Not achieved and past due is late, whatever happens next; a completed
                // onboarding's checkpoints left unachieved were never needed.
                guard c.achievedOn != nil || (a.isActive && clockToday > c.due) else { continue }
                let onTime = c.achievedOn.map { $0 <= c.due } ?? false
                t.milestones.append((milestones.slot(c.key, (c.key, c.name)), onTime))
            }
            if a.isActive && a.goLiveOn == nil {
                t.forecastSlip = (a.goLiveForecast?.on(clockToday) ?? a.targetGoLive) - a.goLiveBaseline
            }
            if age >= 7 {
                t.old7 = true
                if let d = t.firstValueWorking ?? t.firstValue, d <= 7 { t.within7 = true }
            }
            let target = a.segment.firstValueTarget.upperBound
            // Against the targets, days on hold do not count.
            if let d = t.firstValueWorking ?? t.firstValue {
                t.targetDue = true
                t.onTarget = d <= target
            } else if age > target {
                t.targetDue = true
            }
            out.append(t)
        }
        tallies = out
        stageKeys = stages.values
        milestoneKeys = milestones.values
        self.quarter = quarter
        self.csms = csms.values
        self.capacity = capacity
        self.weeks = weeks
    }

    public var count: Int { tallies.count }

    /// The KPIs of the accounts at `indices` (positions in the facts given), as one group.
    public func metrics(group: String, indices: [Int]? = nil) -> Metrics {
        let members = indices ?? Array(tallies.indices)
        var firstValue: [Int] = []
        var firstValueWorking: [Int] = []
        var goLive: [Int] = []
        var weekly = Array(repeating: 0, count: weeks)
        var goLives = 0
        var goLivesOnTime = 0
        var customerDone = 0
        var customerOnTime = 0
        var lost = (customer: 0, us: 0, approvers: 0)
        var stageDays = Array(repeating: [Int](), count: stageKeys.count)
        var stageSLA = Array(repeating: [Int](), count: stageKeys.count)
        var stageOver = Array(repeating: 0, count: stageKeys.count)
        var order: [Int] = []
        var loads: [CSMLoad?] = Array(repeating: nil, count: csms.count)
        var milestoneOnTime = Array(repeating: 0, count: milestoneKeys.count)
        var milestoneDue = Array(repeating: 0, count: milestoneKeys.count)
        var milestoneOrder: [Int] = []
        var within7 = 0
        var old7 = 0
        var onTarget = 0
        var targetDue = 0
        var active = 0
        var onHold = 0
        var slips: [Int] = []
        var moved = 0
        var datesMoved = 0
        var escalated = 0
        var resolve: [Int] = []
        for i in members {
            let t = tallies[i]
            if let d = t.firstValue { firstValue.append(d) }
            if let d = t.firstValueWorking { firstValueWorking.append(d) }
            if let d = t.goLive { goLive.append(d) }
            if t.goLiveCounted { goLives += 1 }
            if t.goLiveOnTime { goLivesOnTime += 1 }
            if let w = t.goLiveWeek { weekly[w] += 1 }
            customerDone += t.customerDone
            customerOnTime += t.customerOnTime
            lost.customer += t.lost.customer
            lost.us += t.lost.us
            lost.approvers += t.lost.approvers
            for s in t.stages {
                if stageDays[s.slot].isEmpty { order.append(s.slot) }
                stageDays[s.slot].append(s.days)
                stageSLA[s.slot].append(s.sla)
                if s.days > s.sla { stageOver[s.slot] += 1 }
            }
            var l =
                loads[t.csm]
                ?? CSMLoad(
                    csm: csms[t.csm], active: 0, newThisQuarter: 0, weightedLoad: 0, capacity: capacity.perQuarter)
            if t.active { l.active += 1 }
            if t.newThisQuarter {
                l.newThisQuarter += 1
                l.weightedLoad += t.weight
            }
            loads[t.csm] = l
            for m in t.milestones {
                if milestoneDue[m.slot] == 0 { milestoneOrder.append(m.slot) }
                milestoneDue[m.slot] += 1
                if m.onTime { milestoneOnTime[m.slot] += 1 }
            }
            if t.old7 { old7 += 1 }
            if t.within7 { within7 += 1 }
            if t.targetDue { targetDue += 1 }
            if t.onTarget { onTarget += 1 }
            if t.active { active += 1 }
            if t.onHold { onHold += 1 }
            if let slip = t.forecastSlip { slips.append(slip) }
            if t.goLiveMoved { moved += 1 }
            datesMoved += t.datesMoved
            if t.escalated { escalated += 1 }
            resolve += t.resolveDays
        }
        let durations = order.map { k in
            StageDuration(
                stage: stageKeys[k].key, name: stageKeys[k].name, days: Spread(stageDays[k]),
                slaDays: Spread(stageSLA[k]).median, overSLA: Rate(stageOver[k], of: stageDays[k].count))
        }
        let n = members.count
        let perMilestone = milestoneOrder.map { k in
            MilestoneOnTime(
                key: milestoneKeys[k].key, name: milestoneKeys[k].name,
                onTime: Rate(milestoneOnTime[k], of: milestoneDue[k]))
        }
        return Metrics(
            group: group, accounts: n, active: active, timeToFirstValue: Spread(firstValue),
            timeToFirstValueWithoutHolds: Spread(firstValueWorking), onHold: onHold, timeToGoLive: Spread(goLive),
            firstValueWithin7Days: Rate(within7, of: old7), firstValueOnTarget: Rate(onTarget, of: targetDue),
            milestonesOnTime: Rate(milestoneOnTime.reduce(0, +), of: milestoneDue.reduce(0, +)),
            milestones: perMilestone, completion: Rate(n - active, of: n),
            onTimeGoLive: Rate(goLivesOnTime, of: goLives), goLiveForecastSlip: GoLiveForecastSlip(slips),
            goLiveMoved: Rate(moved, of: n), datesMoved: datesMoved,
            customerTaskOnTime: Rate(customerOnTime, of: customerDone), escalation: Rate(escalated, of: n),
            timeToResolve: Spread(resolve), stageDurations: durations,
            load: loads.compactMap { $0 }.sorted { $0.csm < $1.csm }, quarter: Period.quarter.title(quarter),
            daysLostOnCustomer: lost.customer, daysLostOnUs: lost.us, daysLostOnApprovers: lost.approvers,
            goLivesPerWeek: weekly)
    }
}
