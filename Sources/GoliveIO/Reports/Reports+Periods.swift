import Foundation
import GoliveDomain

extension Reports {
    /// One KPI of the period comparison: its name, this period's and the last one's figure,
    /// and the change in words ("+5 pts", "-4 d"), which says nothing when either is empty.
    public struct PeriodRow: Hashable, Sendable {
        public var kpi: String
        public var current: String
        public var previous: String
        public var change: String
    }

    /// The KPIs that say whether onboarding is getting better, this cohort against the last.
    public static func periodRows(_ c: PeriodComparison) -> [PeriodRow] {
        let a = c.current
        let b = c.previous
        func days(_ kpi: String, _ x: Spread, _ y: Spread) -> PeriodRow {
            let change = x.median.flatMap { m in y.median.map { m - $0 } }.map { signed($0) + " d" } ?? ""
            return PeriodRow(
                kpi: kpi, current: x.median.map { number($0) + " d" } ?? "–",
                previous: y.median.map { number($0) + " d" } ?? "–", change: change)
        }
        func rate(_ kpi: String, _ x: Rate, _ y: Rate) -> PeriodRow {
            let change = x.value.flatMap { v in y.value.map { (v - $0) * 100 } }.map { signed($0.rounded()) + " pts" }
            return PeriodRow(kpi: kpi, current: x.percent, previous: y.percent, change: change ?? "")
        }
        func count(_ kpi: String, _ x: Int, _ y: Int) -> PeriodRow {
            PeriodRow(kpi: kpi, current: "\(x)", previous: "\(y)", change: signed(Double(x - y)))
        }
        return [
            count("onboardings signed", a.accounts, b.accounts),
            days("time to first value", a.timeToFirstValue, b.timeToFirstValue),
            days("time to go-live", a.timeToGoLive, b.timeToGoLive),
            rate("first value in 7 days", a.firstValueWithin7Days, b.firstValueWithin7Days),
            rate("first value on target", a.firstValueOnTarget, b.firstValueOnTarget),
            rate("milestones on time", a.milestonesOnTime, b.milestonesOnTime),
            rate("onboardings completed", a.completion, b.completion),
            rate("on-time go-live", a.onTimeGoLive, b.onTimeGoLive),
            count("go-lives forecast late", a.goLiveForecastSlip.late, b.goLiveForecastSlip.late),
            rate("customer tasks on time", a.customerTaskOnTime, b.customerTaskOnTime),
            rate("escalation rate", a.escalation, b.escalation),
            count("days lost on the customer", a.daysLostOnCustomer, b.daysLostOnCustomer),
            count("days lost on us", a.daysLostOnUs, b.daysLostOnUs),
        ]
    }

    /// "+5", "-3", "0".
    static func signed(_ d: Double) -> String { (d > 0 ? "+" : "") + number(d) }

    /// "2026-Q4 (signed 2026-10-01 – 2026-11-22, so far)".
    public static func cohortTitle(_ c: PeriodComparison, current: Bool) -> String {
        let name = current ? c.current.group : c.previous.group
        let from = current ? c.currentFrom : c.previousFrom
        let to = current ? c.currentTo : c.previousTo
        return "\(name) (signed \(from.iso) – \(to.iso)\(current ? ", so far" : ""))"
    }

    func periodTable(_ c: PeriodComparison) -> TextTable {
        TextTable(
            columns: ["kpi", c.current.group, c.previous.group, "change"], rightAligned: [1, 2, 3],
            rows: Reports.periodRows(c).map { [$0.kpi, $0.current, $0.previous, $0.change] })
    }
}
