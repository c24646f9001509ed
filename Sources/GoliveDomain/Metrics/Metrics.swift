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
    /// The same per milestone (checkpoint key), in the order the playbooks meet them.
    public var milestones: [MilestoneOnTime]
    /// Onboardings completed, of every account.
    public var completion: Rate
    public var onTimeGoLive: Rate
    /// The onboardings not yet live whose go-live is forecast after the first plan's.
    public var goLiveForecastSlip: GoLiveForecastSlip
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
    /// The calendar quarter `load` counts new onboardings in, named with its days
    /// ("2026-Q4, 2026-10-01 to 2026-12-31").
    public var quarter: String
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
        MetricTallies(
            facts: accounts, everEscalated: everEscalated, resolveDays: resolveDays, capacity: capacity, asOf: today,
            weeks: weeks
        ).metrics(group: group)
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
