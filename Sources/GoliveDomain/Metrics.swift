/// Median and spread of a set of day counts.
public struct Spread: Hashable, Codable, Sendable {
    public var count: Int
    public var median: Double?
    /// Quartiles (linear interpolation) and extremes.
    public var p25: Double?
    public var p75: Double?
    public var min: Int?
    public var max: Int?

    public init(_ values: [Int]) {
        let v = values.sorted()
        count = v.count
        func q(_ p: Double) -> Double? {
            guard !v.isEmpty else { return nil }
            let pos = p * Double(v.count - 1)
            let lo = Int(pos.rounded(.down))
            let hi = Swift.min(lo + 1, v.count - 1)
            return Double(v[lo]) + (Double(v[hi]) - Double(v[lo])) * (pos - Double(lo))
        }
        median = q(0.5)
        p25 = q(0.25)
        p75 = q(0.75)
        min = v.first
        max = v.last
    }
}

/// A share: `part` of `whole`.
public struct Rate: Hashable, Codable, Sendable {
    public var part: Int
    public var whole: Int
    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }
    public var value: Double? { whole == 0 ? nil : Double(part) / Double(whole) }
    public var percent: String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
}

public struct StageDuration: Hashable, Codable, Sendable {
    public var stage: String
    public var name: String
    /// Finished stays in this stage, plus the current stay of active accounts.
    public var days: Spread
    /// Median SLA across the accounts measured (SLAs differ by segment).
    public var slaDays: Double?
    /// Stays that ran past their SLA.
    public var overSLA: Rate
}

public struct CSMLoad: Hashable, Codable, Sendable {
    public var csm: String
    public var active: Int
    /// Contracts signed in the last 91 days: the field's benchmark is 6–8 per quarter.
    public var newThisQuarter: Int
    public var capacity: Int
}

/// PRODUCT.md's KPIs for one group of accounts (the team, a CSM, a segment, a playbook).
public struct Metrics: Hashable, Codable, Sendable {
    public var group: String
    public var accounts: Int
    public var active: Int
    public var timeToFirstValue: Spread
    public var timeToGoLive: Spread
    public var onTimeGoLive: Rate
    public var customerTaskOnTime: Rate
    public var escalation: Rate
    public var stageDurations: [StageDuration]
    public var load: [CSMLoad]
    /// Days tasks ran past their due date, by whose court they were in.
    public var daysLostOnCustomer: Int
    public var daysLostOnUs: Int
    public var daysLostOnApprovers: Int
    /// Go-lives per week, oldest first, the last `weeks` weeks up to today.
    public var goLivesPerWeek: [Int]

    /// The benchmark: new onboardings a CSM can take per quarter.
    public static let quarterlyCapacity = 8

    /// - Parameter everEscalated: accounts with an escalation event at any time (an
    ///   escalation cleared since still counts: the rate is about what happened).
    public static func compute(
        group: String, accounts: [Account], everEscalated: Set<Int64>,
        asOf today: Day, weeks: Int = 12
    ) -> Metrics {
        func daysTo(_ m: Milestone) -> [Int] {
            accounts.compactMap { a in
                a.checkpoints.first { $0.milestone == m }?.achievedOn.map { $0 - a.contractSigned }
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
            var l = loads[a.csm] ?? CSMLoad(csm: a.csm, active: 0, newThisQuarter: 0, capacity: quarterlyCapacity)
            if a.isActive { l.active += 1 }
            let age = today - a.contractSigned
            if age >= 0 && age < 91 { l.newThisQuarter += 1 }
            loads[a.csm] = l
        }
        return Metrics(
            group: group, accounts: accounts.count, active: accounts.filter(\.isActive).count,
            timeToFirstValue: Spread(daysTo(.firstValue)), timeToGoLive: Spread(daysTo(.goLive)),
            onTimeGoLive: Rate(goLivesOnTime, of: goLives),
            customerTaskOnTime: Rate(customerOnTime, of: customerDone),
            escalation: Rate(accounts.filter { everEscalated.contains($0.id) }.count, of: accounts.count),
            stageDurations: durations,
            load: loads.values.sorted { $0.csm < $1.csm },
            daysLostOnCustomer: lost[.customer] ?? 0, daysLostOnUs: lost[.internal] ?? 0,
            daysLostOnApprovers: lost[.approval] ?? 0, goLivesPerWeek: weekly)
    }
}

/// How metrics can be grouped.
public enum MetricsDimension: String, CaseIterable, Sendable {
    case team, csm, segment, playbook

    public func key(_ a: Account) -> String {
        switch self {
        case .team: "team"
        case .csm: a.csm
        case .segment: a.segment.rawValue
        case .playbook: a.playbook
        }
    }
}
