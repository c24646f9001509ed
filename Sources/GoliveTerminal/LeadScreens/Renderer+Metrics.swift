import GoliveDomain
import GoliveIO

extension Renderer {
    static let sparks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    func sparkline(_ values: [Int]) -> String {
        let top = max(1, values.max() ?? 1)
        return String(
            values.map { v in
                glyphs.unicode
                    ? Renderer.sparks[min(7, v * 7 / top)] : Character(v == 0 ? "." : v * 2 >= top ? "#" : "+")
            })
    }

    func bar(_ fraction: Double, width: Int) -> String {
        let f = max(0, min(1, fraction))
        let filled = Int((f * Double(width)).rounded())
        return String(repeating: glyphs.unicode ? "█" : "#", count: filled)
            + String(repeating: glyphs.unicode ? "░" : ".", count: width - filled)
    }

    /// The same figures as `golive report metrics`, with bars and weekly sparklines.
    public func metricLines(_ s: AppState) -> [(text: String, role: Role, selected: Bool)] {
        guard let report = s.metrics else { return [("  adding up the metrics…", .dim, false)] }
        let team = report.team
        let byCSM = report.byCsm
        let barW = max(10, min(30, s.width / 4))
        var out: [(text: String, role: Role, selected: Bool)] = []
        func add(_ t: String, _ r: Role = .normal) { out.append((t, r, false)) }
        func rate(_ label: String, _ r: Rate) {
            add(
                // A long milestone name gives way to the bar, never touching it.
                "   " + Text.pad(Text.truncate(label, to: 23), to: 24) + bar(r.value ?? 0, width: barW) + " "
                    + Text.pad(r.percent, to: 4, right: true) + "  (\(r.part) of \(r.whole))")
        }
        add(
            "Team — \(team.active) active of \(plural(team.accounts, "account")) · days from contract signed: median (p25–p75)",
            .title)
        add("   " + Text.pad("time to first value", to: 24) + Reports.spread(team.timeToFirstValue) + " d")
        add(
            "   " + Text.pad("  without days on hold", to: 24) + Reports.spread(team.timeToFirstValueWithoutHolds)
                + " d"
                + (team.onHold > 0 ? "  (\(team.onHold) on hold now)" : ""))
        add("   " + Text.pad("time to go-live", to: 24) + Reports.spread(team.timeToGoLive) + " d")
        rate("first value in 7 days", team.firstValueWithin7Days)
        rate("first value on target", team.firstValueOnTarget)
        rate("milestones on time", team.milestonesOnTime)
        for m in team.milestones { rate("  " + m.name, m.onTime) }
        rate("onboardings completed", team.completion)
        rate("on-time go-live", team.onTimeGoLive)
        add(
            "   " + Text.pad("go-live forecast late", to: 24) + Reports.words(team.goLiveForecastSlip)
                + "  (\(plural(team.goLiveMoved.part, "go-live")) moved, \(plural(team.datesMoved, "date")) moved)")
        rate("customer tasks on time", team.customerTaskOnTime)
        rate("escalation rate", team.escalation)
        let resolved = team.timeToResolve
        add(
            "   " + Text.pad("time to resolve", to: 24) + Reports.spread(resolved) + " d"
                + (resolved.count > 0 ? "  (\(plural(resolved.count, "escalation")) resolved)" : ""))
        let lostMax = Double(max(1, team.daysLostOnCustomer, team.daysLostOnUs, team.daysLostOnApprovers))
        for (label, v) in [
            ("days lost: customer", team.daysLostOnCustomer), ("days lost: us", team.daysLostOnUs),
            ("days lost: approvers", team.daysLostOnApprovers),
        ] {
            add("   " + Text.pad(label, to: 24) + bar(Double(v) / lostMax, width: barW) + " \(v)")
        }
        add(
            "   " + Text.pad("go-lives per week", to: 24) + sparkline(team.goLivesPerWeek)
                + "  last \(plural(team.goLivesPerWeek.count, "week")), \(team.goLivesPerWeek.reduce(0, +)) in all")
        add("")
        let periods = report.periods
        add("This \(periods.period.rawValue) against the last (p: quarter, month, week)", .title)
        add(
            "   onboardings by the day their contract was signed, measured today: "
                + "\(periods.current.group) \(Renderer.short(periods.currentFrom))–\(Renderer.short(periods.currentTo)) "
                + "(so far), \(periods.previous.group) "
                + "\(Renderer.short(periods.previousFrom))–\(Renderer.short(periods.previousTo))", .dim)
        add(
            "   " + Text.pad("", to: 26) + Text.pad(periods.current.group, to: 16, right: true)
                + Text.pad(periods.previous.group, to: 16, right: true) + Text.pad("change", to: 12, right: true), .dim)
        for r in Reports.periodRows(periods) {
            add(
                "   " + Text.pad(r.kpi, to: 26) + Text.pad(r.current, to: 16, right: true)
                    + Text.pad(r.previous, to: 16, right: true) + Text.pad(r.change, to: 12, right: true))
        }
        add("")
        add("Stage durations against SLA — median days in stage, bar to the SLA (│)", .title)
        let longest = Double(
            max(1, team.stageDurations.map { max(Int($0.days.median ?? 0), Int($0.slaDays ?? 0)) }.max() ?? 1))
        for d in team.stageDurations {
            let med = d.days.median ?? 0
            let sla = d.slaDays ?? 0
            var b = Array(bar(med / longest, width: barW))
            let mark = min(barW - 1, Int((sla / longest * Double(barW)).rounded()))
            if mark >= 0 && mark < b.count { b[mark] = glyphs.unicode ? "│" : "|" }
            add(
                "   " + Text.pad(d.name, to: 24) + String(b) + " " + Reports.number(med) + " / " + Reports.number(sla)
                    + " d, "
                    + d.overSLA.percent + " over SLA", med > sla ? .overdue : .normal)
        }
        add("")
        add(
            "Load per CSM — active onboardings, and new ones signed in \(team.quarter) against the benchmark of 6–8",
            .title)
        for l in team.load {
            add(
                "   " + Text.pad(l.csm, to: 24) + bar(l.weightedLoad / Double(l.capacity), width: barW)
                    + " \(Capacity.words(l.weightedLoad))/\(l.capacity) new"
                    + (l.weightedLoad != Double(l.newThisQuarter) ? " (\(l.newThisQuarter) weighted)" : "")
                    + " · \(l.active) active",
                l.isOver ? .overdue : .normal)
        }
        // The same columns per CSM, per segment and per playbook, as the report's JSON has them.
        for (title, column, groups) in [
            ("Per CSM", "CSM", byCSM), ("Per segment", "segment", report.bySegment),
            ("Per playbook", "playbook", report.byPlaybook),
        ] {
            add("")
            add(title, .title)
            add(
                "   " + Text.pad(column, to: 24) + Text.pad("first value", to: 19) + Text.pad("go-live", to: 19)
                    + Text.pad("on time", to: 9)
                    + Text.pad("cust. tasks", to: 12) + Text.pad("escalated", to: 10) + "go-lives/week", .dim)
            for m in groups {
                let name = column == "segment" ? Segment(rawValue: m.group)?.title ?? m.group : m.group
                add(
                    "   " + Text.pad(name, to: 24) + Text.pad(Reports.spread(m.timeToFirstValue), to: 19)
                        + Text.pad(Reports.spread(m.timeToGoLive), to: 19)
                        + Text.pad(m.onTimeGoLive.percent, to: 9) + Text.pad(m.customerTaskOnTime.percent, to: 12)
                        + Text.pad(m.escalation.percent, to: 10)
                        + sparkline(m.goLivesPerWeek))
            }
        }
        return out
    }

    func metrics(_ s: AppState, _ c: inout Canvas) {
        header(s, "Metrics  \(glyphs.separator) as of \(s.today.iso) · the same figures as `golive report metrics`", &c)
        list(metricLines(s), top: s.metricsTop, y0: 1, height: s.height - 2, &c)
    }
}
