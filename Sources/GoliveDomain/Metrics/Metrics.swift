/// PRODUCT.md's KPIs for one group of accounts (the team, a CSM, a segment, a playbook).
public struct Metrics: Hashable, Codable, Sendable {
    public var group: String
    public var accounts: Int
    public var active: Int
    public var timeToFirstValue: Spread
    /// The same, without the days the accounts spent on hold on the way.
    public var timeToFirstValueWithoutHolds: Spread
    /// Accounts on hold now.
    public var onHold: Int
    public var timeToGoLive: Spread
    /// Accounts at first value within 7 days of the contract, of those signed 7 days ago or more.
    public var firstValueWithin7Days: Rate
    /// First values within their segment's target (`Segment.firstValueTarget`), of those
    /// reached and those already past their target without it.
    public var firstValueOnTarget: Rate
    /// Checkpoints achieved by their due date, of those achieved and those past due without it.
    public var milestonesOnTime: Rate
    /// Onboardings completed, of every account.
    public var completion: Rate
    public var onTimeGoLive: Rate
    /// Schedule variance: days from the first plan's go-live to the day it happened (or
    /// stands now), per account; negative when earlier.
    public var goLiveSlip: Spread
    /// Accounts whose go-live moved at least once.
    public var goLiveMoved: Rate
    /// Due-date moves of checkpoints and go-lives, in all.
    public var datesMoved: Int
    public var customerTaskOnTime: Rate
    public var escalation: Rate
    /// Days from an escalation to its resolution.
    public var timeToResolve: Spread
    public var stageDurations: [StageDuration]
    public var load: [CSMLoad]
    /// Days tasks ran past their due date, by whose court they were in.
    public var daysLostOnCustomer: Int
    public var daysLostOnUs: Int
    public var daysLostOnApprovers: Int
    /// Go-lives per week, oldest first, the last `weeks` weeks up to today.
    public var goLivesPerWeek: [Int]

    /// - Parameter everEscalated: accounts with an escalation event at any time (an
    ///   escalation cleared since still counts: the rate is about what happened).
    /// - Parameter resolveDays: per account, the days each resolved escalation took.
    public static func compute(
        group: String, accounts: [Account], everEscalated: Set<Int64>, resolveDays: [Int64: [Int]] = [:],
        capacity: Capacity = Capacity(), asOf today: Day, weeks: Int = 12
    ) -> Metrics {
        compute(
            group: group, facts: accounts.map(\.metricFacts), everEscalated: everEscalated, resolveDays: resolveDays,
            capacity: capacity, asOf: today, weeks: weeks)
    }

    /// The KPIs from each account's metric facts: the same figures as from whole accounts,
    /// read from the store without a task.
    public static func compute(
        group: String, facts accounts: [MetricFacts], everEscalated: Set<Int64>, resolveDays: [Int64: [Int]] = [:],
        capacity: Capacity = Capacity(), asOf today: Day, weeks: Int = 12
    ) -> Metrics {
        var goLivesOnTime = 0
        var goLives = 0
        var weekly = Array(repeating: 0, count: weeks)
        var customerOnTime = 0
        var customerDone = 0
        var lost: [Lane: Int] = [:]
        var stays: [String: (name: String, days: [Int], sla: [Int], over: Int)] = [:]
        var order: [String] = []
        var loads: [String: CSMLoad] = [:]
        var milestonesOnTime = 0
        var milestonesDue = 0
        var within7 = 0
        var old7 = 0
        var onTarget = 0
        var targetDue = 0
        var firstValue: [Int] = []
        var firstValueWorking: [Int] = []
        var goLive: [Int] = []
        for a in accounts {
            if let d = a.firstValueOn { firstValue.append(d - a.contractSigned) }
            if let d = a.firstValueWorkingDays { firstValueWorking.append(d) }
            if let d = a.goLiveOn { goLive.append(d - a.contractSigned) }
            // Not live and past the target is late too: leaving it out would flatter the rate.
            if let done = a.goLiveOn {
                goLives += 1
                if done <= a.targetGoLive { goLivesOnTime += 1 }
                let weeksAgo = (today - done) / 7
                if weeksAgo >= 0 && weeksAgo < weeks { weekly[weeks - 1 - weeksAgo] += 1 }
            } else if a.isActive && today > a.targetGoLive {
                goLives += 1
            }
            customerDone += a.customerDone
            customerOnTime += a.customerOnTime
            // Open and already overdue: late, whatever happens next.
            customerDone += a.openCustomerDues.filter { today > $0 }.count
            // Calendar days: two late tasks of one lane on the same days lose those days once.
            var late: [Lane: [(Day, Day)]] = [:]
            for s in a.lateSpans {
                let end = s.to ?? today
                if end > s.from { late[s.lane, default: []].append((s.from, end)) }
            }
            for (lane, spans) in late { lost[lane, default: 0] += Metrics.daysCovered(spans) }
            for s in a.stages {
                let d = (s.left ?? today) - s.entered
                if stays[s.key] == nil { order.append(s.key) }
                // Mutated in place through the subscript: a copy per append would be quadratic.
                stays[s.key, default: (s.name, [], [], 0)].days.append(d)
                stays[s.key]?.sla.append(s.slaDays)
                if d > s.slaDays { stays[s.key]?.over += 1 }
            }
            var l =
                loads[a.csm]
                ?? CSMLoad(csm: a.csm, active: 0, newThisQuarter: 0, weightedLoad: 0, capacity: capacity.perQuarter)
            if a.isActive { l.active += 1 }
            let age = today - a.contractSigned
            if age >= 0 && age < 91 {
                l.newThisQuarter += 1
                l.weightedLoad += capacity.weight(of: a.segment)
            }
            loads[a.csm] = l
            milestonesOnTime += a.milestonesOnTime
            milestonesDue += a.milestonesOnTime + a.milestonesLate
            if a.isActive { milestonesDue += a.openCheckpointDues.filter { today > $0 }.count }
            let first = a.firstValueOn.map { $0 - a.contractSigned }
            if today - a.contractSigned >= 7 {
                old7 += 1
                if let d = first, d <= 7 { within7 += 1 }
            }
            let target = a.segment.firstValueTarget.upperBound
            if let d = first {
                targetDue += 1
                if d <= target { onTarget += 1 }
            } else if today - a.contractSigned > target {
                targetDue += 1
            }
        }
        let durations = order.compactMap { k -> StageDuration? in
            guard let s = stays[k] else { return nil }
            return StageDuration(
                stage: k, name: s.name, days: Spread(s.days), slaDays: Spread(s.sla).median,
                overSLA: Rate(s.over, of: s.days.count))
        }
        return Metrics(
            group: group, accounts: accounts.count, active: accounts.filter(\.isActive).count,
            timeToFirstValue: Spread(firstValue), timeToFirstValueWithoutHolds: Spread(firstValueWorking),
            onHold: accounts.filter(\.onHold).count, timeToGoLive: Spread(goLive),
            firstValueWithin7Days: Rate(within7, of: old7), firstValueOnTarget: Rate(onTarget, of: targetDue),
            milestonesOnTime: Rate(milestonesOnTime, of: milestonesDue),
            completion: Rate(accounts.filter { !$0.isActive }.count, of: accounts.count),
            onTimeGoLive: Rate(goLivesOnTime, of: goLives), goLiveSlip: Spread(accounts.map(\.goLiveSlip)),
            goLiveMoved: Rate(accounts.filter { $0.goLiveMoves > 0 }.count, of: accounts.count),
            datesMoved: accounts.reduce(0) { $0 + $1.datesMoved },
            customerTaskOnTime: Rate(customerOnTime, of: customerDone),
            escalation: Rate(accounts.filter { everEscalated.contains($0.id) }.count, of: accounts.count),
            timeToResolve: Spread(accounts.flatMap { resolveDays[$0.id] ?? [] }),
            stageDurations: durations,
            load: loads.values.sorted { $0.csm < $1.csm },
            daysLostOnCustomer: lost[.customer] ?? 0, daysLostOnUs: lost[.internal] ?? 0,
            daysLostOnApprovers: lost[.approval] ?? 0, goLivesPerWeek: weekly)
    }

    /// The days covered by at least one of `spans` (each from its first day up to, not
    /// including, its end).
    static func daysCovered(_ spans: [(Day, Day)]) -> Int {
        var total = 0
        var reach: Day? = nil
        for (from, to) in spans.sorted(by: { $0.0 < $1.0 }) {
            let start = max(from, reach ?? from)
            if to > start { total += to - start }
            reach = max(reach ?? to, to)
        }
        return total
    }
}
