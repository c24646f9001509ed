/// The KPIs of the onboardings signed this period against those signed the period before,
/// both measured today: how the newer cohort is doing so far next to the older one.
public struct PeriodComparison: Hashable, Codable, Sendable {
    public var period: Period
    public var current: Metrics
    public var previous: Metrics
    /// The days each cohort's contracts were signed between.
    public var currentFrom: Day, currentTo: Day
    public var previousFrom: Day, previousTo: Day

    public static func compute(
        _ period: Period, accounts: [Account], everEscalated: Set<Int64>, resolveDays: [Int64: [Int]] = [:],
        asOf today: Day
    ) -> PeriodComparison {
        compute(
            period, facts: accounts.map(\.metricFacts), everEscalated: everEscalated, resolveDays: resolveDays,
            asOf: today)
    }

    public static func compute(
        _ period: Period, facts accounts: [MetricFacts], everEscalated: Set<Int64>,
        resolveDays: [Int64: [Int]] = [:], asOf today: Day
    ) -> PeriodComparison {
        compute(
            period,
            tallies: MetricTallies(
                facts: accounts, everEscalated: everEscalated, resolveDays: resolveDays, asOf: today),
            signed: accounts.map(\.contractSigned), asOf: today)
    }

    /// From tallies already worked out: `signed` gives each one's contract day.
    public static func compute(_ period: Period, tallies: MetricTallies, signed: [Day], asOf today: Day)
        -> PeriodComparison
    {
        let now = period.span(holding: today)
        let before = period.previous(holding: today)
        func cohort(_ span: ClosedRange<Day>) -> Metrics {
            tallies.metrics(group: period.name(span), indices: signed.indices.filter { span.contains(signed[$0]) })
        }
        return PeriodComparison(
            period: period, current: cohort(now), previous: cohort(before), currentFrom: now.lowerBound,
            currentTo: min(now.upperBound, today), previousFrom: before.lowerBound, previousTo: before.upperBound)
    }
}
