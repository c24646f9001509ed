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
        func daysTo(_ m: Milestone, withoutHolds: Bool = false) -> [Int] {
            accounts.compactMap { a in
                a.checkpoints.first { $0.milestone == m }?.achievedOn.map {
                    withoutHolds ? a.workingDays(to: $0) : $0 - a.contractSigned
                }
            }
        }
        var goLivesOnTime = 0
        var goLives = 0
        var weekly = Array(repeating: 0, count: weeks)
        for a in accounts {
            guard let done = a.checkpoints.first(where: { $0.milestone == .goLive })?.achievedOn else { continue }
            goLives += 1
            if done <= a.targetGoLive { goLivesOnTime += 1 }
            let weeksAgo = (today - done) / 7
            if weeksAgo >= 0 && weeksAgo < weeks { weekly[weeks - 1 - weeksAgo] += 1 }
        }
        var customerOnTime = 0
        var customerDone = 0
        var lost: [Lane: Int] = [:]
        for a in accounts {
            for t in a.tasks {
                if t.lane == .customer && t.status == .done, let f = t.finishedOn {
                    customerDone += 1
                    if f <= t.due { customerOnTime += 1 }
                }
                guard t.status != .skipped else { continue }
                let end = t.finishedOn ?? today
                lost[t.lane, default: 0] += max(0, end - t.due)
            }
        }
        var stays: [String: (name: String, days: [Int], sla: [Int], over: Int)] = [:]
        var order: [String] = []
        for a in accounts {
            for (i, s) in a.stages.enumerated() {
                guard let entered = s.enteredOn, i <= a.stageIndex else { continue }
                let d = (s.leftOn ?? today) - entered
                if stays[s.key] == nil { order.append(s.key) }
                // Mutated in place through the subscript: a copy per append would be quadratic.
                stays[s.key, default: (s.name, [], [], 0)].days.append(d)
                stays[s.key]?.sla.append(s.slaDays)
                if d > s.slaDays { stays[s.key]?.over += 1 }
            }
        }
        let durations = order.compactMap { k -> StageDuration? in
            guard let s = stays[k] else { return nil }
            return StageDuration(
                stage: k, name: s.name, days: Spread(s.days), slaDays: Spread(s.sla).median,
                overSLA: Rate(s.over, of: s.days.count))
        }
        var loads: [String: CSMLoad] = [:]
        for a in accounts {
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
        }
        return Metrics(
            group: group, accounts: accounts.count, active: accounts.filter(\.isActive).count,
            timeToFirstValue: Spread(daysTo(.firstValue)),
            timeToFirstValueWithoutHolds: Spread(daysTo(.firstValue, withoutHolds: true)),
            onHold: accounts.filter { $0.currentHold != nil }.count, timeToGoLive: Spread(daysTo(.goLive)),
            onTimeGoLive: Rate(goLivesOnTime, of: goLives),
            goLiveSlip: Spread(
                accounts.map { a in
                    (a.checkpoints.first { $0.milestone == .goLive }?.achievedOn ?? a.goLive) - a.goLiveBaseline
                }),
            goLiveMoved: Rate(accounts.filter { $0.goLiveMoves > 0 }.count, of: accounts.count),
            datesMoved: accounts.reduce(0) { n, a in
                let hasCheckpoint = a.checkpoints.contains { $0.milestone == .goLive }
                return n + a.checkpoints.reduce(0) { $0 + ($1.replan?.moves ?? 0) }
                    + (hasCheckpoint ? 0 : a.goLiveMoves)
            },
            customerTaskOnTime: Rate(customerOnTime, of: customerDone),
            escalation: Rate(accounts.filter { everEscalated.contains($0.id) }.count, of: accounts.count),
            timeToResolve: Spread(accounts.flatMap { resolveDays[$0.id] ?? [] }),
            stageDurations: durations,
            load: loads.values.sorted { $0.csm < $1.csm },
            daysLostOnCustomer: lost[.customer] ?? 0, daysLostOnUs: lost[.internal] ?? 0,
            daysLostOnApprovers: lost[.approval] ?? 0, goLivesPerWeek: weekly)
    }
}
