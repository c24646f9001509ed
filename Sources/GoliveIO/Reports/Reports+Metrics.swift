import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    /// "median (p25–p75)" in days, the way every metrics view prints a spread.
    public static func spread(_ s: Spread) -> String {
        guard let med = s.median else { return "–" }
        return "\(number(med)) (\(quartiles(s)))"
    }

    /// "p25–p75" in days.
    public static func quartiles(_ s: Spread) -> String {
        guard let p25 = s.p25, let p75 = s.p75 else { return "–" }
        return "\(number(p25))–\(number(p75))"
    }

    /// "3 of 40 active, median 9 d, worst 37 d"; "none of 40 active".
    public static func words(_ s: GoLiveForecastSlip) -> String {
        guard s.late > 0, let median = s.median, let worst = s.worst else { return "none of \(s.active) active" }
        return "\(s.late) of \(s.active) active, median \(number(median)) d, worst \(worst) d"
    }

    /// How many, the median and the worst, as numbers; empty where none is late.
    static func forecastSlipCSV(_ s: GoLiveForecastSlip) -> [String] {
        ["\(s.late)", s.median.map(number) ?? "", s.worst.map { "\($0)" } ?? ""]
    }

    /// The figures as numbers a spreadsheet can add up: each spread as its median, low
    /// (p25) and high (p75) in days, each rate as a percentage; empty where there is none.
    func metricsCSV(_ groups: [Metrics]) -> TextTable {
        func n(_ d: Double?) -> String { d.map(Reports.number) ?? "" }
        func spread(_ s: Spread) -> [String] { [n(s.median), n(s.p25), n(s.p75)] }
        func percent(_ r: Rate) -> String { r.value.map { Reports.number(($0 * 1000).rounded() / 10) } ?? "" }
        return TextTable(
            columns: [
                "group", "accounts", "active", "on_hold", "time_to_first_value_days", "time_to_first_value_low",
                "time_to_first_value_high", "time_to_first_value_without_holds_days",
                "time_to_first_value_without_holds_low", "time_to_first_value_without_holds_high",
                "time_to_go_live_days", "time_to_go_live_low", "time_to_go_live_high",
                "first_value_within_7_days_percent", "first_value_on_target_percent", "milestones_on_time_percent",
                "completion_percent", "on_time_go_live_percent", "go_live_forecast_late",
                "go_live_forecast_late_median_days", "go_live_forecast_late_worst_days",
                "go_live_moved_percent", "dates_moved", "customer_tasks_on_time_percent", "escalation_rate_percent",
                "time_to_resolve_days", "time_to_resolve_low", "time_to_resolve_high",
                "days_lost_customer", "days_lost_us", "days_lost_approvers",
            ],
            rows: groups.map { g in
                [g.group, "\(g.accounts)", "\(g.active)", "\(g.onHold)"] + spread(g.timeToFirstValue)
                    + spread(g.timeToFirstValueWithoutHolds) + spread(g.timeToGoLive)
                    + [
                        percent(g.firstValueWithin7Days), percent(g.firstValueOnTarget), percent(g.milestonesOnTime),
                        percent(g.completion), percent(g.onTimeGoLive),
                    ] + Reports.forecastSlipCSV(g.goLiveForecastSlip) + [
                        percent(g.goLiveMoved), "\(g.datesMoved)", percent(g.customerTaskOnTime),
                        percent(g.escalation),
                    ] + spread(g.timeToResolve) + [
                        "\(g.daysLostOnCustomer)", "\(g.daysLostOnUs)", "\(g.daysLostOnApprovers)",
                    ]
            })
    }

    func renderMetrics(_ format: ReportFormat) throws -> String {
        let m = metrics()
        let spread = Reports.spread
        let groups = [m.team] + m.byCsm
        let periods = periodTable(m.periods)
        let cohorts =
            "\(Reports.cohortTitle(m.periods, current: true)) against \(Reports.cohortTitle(m.periods, current: false))"
        let kpis = TextTable(
            columns: [
                "group", "accounts", "active", "on_hold", "time_to_first_value", "without_holds", "time_to_go_live",
                "first_value_7d", "first_value_on_target", "milestones_on_time", "completion", "on_time_go_live",
                "go_live_forecast_late", "go_live_moved", "dates_moved",
                "customer_tasks_on_time",
                "escalation_rate", "time_to_resolve", "days_lost_customer", "days_lost_us", "days_lost_approvers",
            ],
            rightAligned: [1, 2, 3, 7, 8, 9, 10, 11, 13, 14, 15, 16, 18, 19, 20],
            rows: groups.map { g in
                [
                    g.group, "\(g.accounts)", "\(g.active)", "\(g.onHold)", spread(g.timeToFirstValue),
                    spread(g.timeToFirstValueWithoutHolds), spread(g.timeToGoLive),
                    g.firstValueWithin7Days.percent, g.firstValueOnTarget.percent, g.milestonesOnTime.percent,
                    g.completion.percent, g.onTimeGoLive.percent, Reports.words(g.goLiveForecastSlip),
                    g.goLiveMoved.percent,
                    "\(g.datesMoved)",
                    g.customerTaskOnTime.percent, g.escalation.percent,
                    spread(g.timeToResolve),
                    "\(g.daysLostOnCustomer)", "\(g.daysLostOnUs)", "\(g.daysLostOnApprovers)",
                ]
            })
        let stages = TextTable(
            columns: ["stage", "stays", "median_days", "p25_p75", "sla_days", "over_sla"], rightAligned: [1, 2, 4, 5],
            rows: m.team.stageDurations.map { s in
                [
                    s.name, "\(s.days.count)", s.days.median.map(Reports.number) ?? "–",
                    Reports.quartiles(s.days),
                    s.slaDays.map(Reports.number) ?? "–", s.overSLA.percent,
                ]
            })
        let milestones = TextTable(
            columns: ["milestone", "on_time", "of"], rightAligned: [1, 2],
            rows: m.team.milestones.map { [$0.name, $0.onTime.percent, "\($0.onTime.whole)"] })
        let load = TextTable(
            columns: ["csm", "active", "new_in_quarter", "weighted_load", "capacity_per_quarter", "over_capacity"],
            rightAligned: [1, 2, 3, 4],
            rows: m.team.load.map {
                [
                    $0.csm, "\($0.active)", "\($0.newThisQuarter)", Capacity.words($0.weightedLoad), "\($0.capacity)",
                    $0.isOver ? "yes" : "",
                ]
            })
        switch format {
        case .table:
            return "Onboarding metrics as of \(m.asOf) (days from contract signed: median (p25–p75))\n\n"
                + kpis.text(maxColumnWidth: maxColumnWidth)
                + "\nThis \(m.periods.period.rawValue) against the last: \(cohorts), measured today\n\n"
                + periods.text(maxColumnWidth: maxColumnWidth)
                + "\nMilestones on time, per milestone\n\n" + milestones.text(maxColumnWidth: maxColumnWidth)
                + "\nStage durations against SLA\n\n" + stages.text(maxColumnWidth: maxColumnWidth)
                + "\nLoad per CSM: new onboardings signed in \(m.team.quarter) (benchmark: 6–8 per quarter)\n\n"
                + load.text(maxColumnWidth: maxColumnWidth)
        case .csv:
            return try metricsCSV(groups + [m.periods.current, m.periods.previous]).csv()
        case .markdown:
            return "# Onboarding metrics\n\n_As of \(m.asOf). Days from contract signed: median (p25–p75)._\n\n"
                + kpis.markdown()
                + "\n## This \(m.periods.period.rawValue) against the last\n\n_\(cohorts), measured today._\n\n"
                + periods.markdown()
                + "\n## Milestones on time, per milestone\n\n" + milestones.markdown()
                + "\n## Stage durations against SLA\n\n" + stages.markdown()
                + "\n## Load per CSM\n\n_New onboardings signed in \(Markdown.text(m.team.quarter)); "
                + "benchmark: 6–8 per CSM per quarter._\n\n" + load.markdown()
        case .json:
            return try Reports.json(m)
        }
    }
}
