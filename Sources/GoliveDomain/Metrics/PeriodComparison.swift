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
        let now = period.span(holding: today)
        let before = period.previous(holding: today)
        func cohort(_ span: ClosedRange<Day>) -> Metrics {
            Metrics.compute(
                group: period.name(span), facts: accounts.filter { span.contains($0.contractSigned) },
                everEscalated: everEscalated, resolveDays: resolveDays, asOf: today)
        }
        return PeriodComparison(
            period: period, current: cohort(now), previous: cohort(before), currentFrom: now.lowerBound,
            currentTo: min(now.upperBound, today), previousFrom: before.lowerBound, previousTo: before.upperBound)
    }
}
