import GoliveDomain
import GoliveIO

/// The leads' screens: stalled review, agenda, metrics, and an account's history.
extension Renderer {
    /// Draws `lines` (built for the whole screen) from `top`, keeping `selected` in view;
    /// returns the top actually used.
    @discardableResult
    func list(_ lines: [(text: String, role: Role, selected: Bool)], top: Int, y0: Int, height: Int, _ c: inout Canvas)
        -> Int
    {
        let sel = lines.firstIndex { $0.selected }
        var first = max(0, min(top, lines.count - height))
        if let sel {
            if sel < first { first = sel }
            if sel >= first + height { first = sel - height + 1 }
            if sel == first && first > 0 && lines[first - 1].role == .title { first -= 1 }  // keep the group's heading
        }
        for (i, line) in lines.dropFirst(first).prefix(height).enumerated() {
            c.put(line.text, x: 0, y: y0 + i, role: line.role, highlighted: line.selected)
            if line.selected { c.restyle(y: y0 + i, highlighted: true) }
        }
        return first
    }

    func header(_ s: AppState, _ title: String, _ c: inout Canvas) {
        c.fill(y: 0, role: .header)
        let badge = s.readOnly ? " [RO] " : ""
        c.put(" " + title, x: 0, y: 0, role: .header, maxWidth: s.width - Text.width(badge))
        if s.readOnly { c.put(badge, x: s.width - Text.width(badge), y: 0, role: .badge) }
    }

    // MARK: Stalled review

    func stalled(_ s: AppState, _ c: inout Canvas) {
        let groups = s.stalledGroups()
        let total = groups.reduce(0) { $0 + $1.rows.count }
        let arr = groups.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.arr } }
        let accounts = total == 1 ? "account" : "accounts"
        let summary = [
            "\(total) stalled \(accounts)", "\(Renderer.money(arr)) ARR at stake", "by CSM, most ARR first",
            "as of \(s.today.iso)",
        ]
        header(s, "Stalled review  \(glyphs.separator) " + summary.joined(separator: " · "), &c)
        let w = s.width
        let nameW = max(14, min(28, w / 5))
        let courtW = 16
        let stageW = w >= 100 ? 17 : 13
        let reviewW = w >= 110 ? 18 : 0
        func row(_ cells: [(String, Int, Bool)]) -> String {
            cells.map { Text.pad($0.0, to: $0.1, right: $0.2) }.joined(separator: " ")
        }
        let titles = row(
            [
                ("", 1, false), ("ACCOUNT", nameW, false), ("BALL IN COURT", courtW, false), ("DAYS", 4, true),
                ("STAGE D/SLA", stageW, false),
                ("ARR", 7, true), ("RAG", 3, false),
            ] + (reviewW > 0 ? [("REVIEWED", reviewW, false)] : []) + [("REASONS", 40, false)])
        c.put(titles, x: 0, y: 1, role: .title)
        var lines: [(text: String, role: Role, selected: Bool)] = []
        for g in groups {
            let garr = g.rows.reduce(0) { $0 + $1.arr }
            lines.append(("\(g.csm) — \(g.rows.count) stalled · \(Renderer.money(garr)) at stake", .title, false))
            for r in g.rows {
                guard let st = r.stall else { continue }
                let reasons = s.accounts[r.id]?.stall(asOf: s.today)?.reasons.map(\.text) ?? []
                let review =
                    s.reviews[r.id].flatMap { info in
                        info.lastReviewAt.map { "\(String($0.dropFirst(5).prefix(5))) \(info.lastReviewBy ?? "")" }
                    } ?? "never"
                let days = "\(r.daysInStage)/\(r.slaDays)"
                let text = row(
                    [
                        ("", 1, false), (r.name, nameW, false), (st.ballInCourt.title, courtW, false),
                        ("\(st.days)", 4, true),
                        (Text.truncate(r.stageName, to: stageW - days.count - 1) + " " + days, stageW, false),
                        (Renderer.money(r.arr), 7, true),
                        (ragGlyph(r.rag), 3, false),
                    ] + (reviewW > 0 ? [(review, reviewW, false)] : [])
                        + [(reasons.joined(separator: "; "), 200, false)])
                lines.append((text, r.rag == .red ? .ragRed : .normal, r.id == s.stalledSelected))
            }
        }
        if lines.isEmpty {
            lines.append(("  no stalled onboardings — nothing waits longer than its playbook allows", .dim, false))
        }
        list(lines, top: 0, y0: 2, height: s.height - 4, &c)
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if let id = s.stalledSelected, let r = s.rows[id], let st = r.stall {
            let reasons = s.accounts[id]?.stall(asOf: s.today)?.reasons.map(\.text) ?? []
            c.put(
                " \(r.name): \(st.ballInCourt.phrase) for \(st.days) d \(glyphs.separator) "
                    + reasons.joined(separator: "; "),
                x: 0, y: y, role: .detail)
        }
    }

    // MARK: Agenda

    func agenda(_ s: AppState, _ c: inout Canvas) {
        let overdue = s.agenda.filter { $0.day < s.today }.count
        let today = s.agenda.filter { $0.day == s.today }.count
        let summary = [
            "\(overdue) overdue", "\(today) due today", "\(s.agenda.count - overdue - today) in the next six days",
            s.agendaMine ? "\(s.user)'s accounts" : "every account", "as of \(s.today.iso)",
        ]
        header(s, "Agenda  \(glyphs.separator) " + summary.joined(separator: " · "), &c)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let w = s.width
        let kindW = 10
        let accountW = max(14, min(26, w / 5))
        let whoW = w >= 100 ? 20 : 0
        var lines: [(text: String, role: Role, selected: Bool)] = []
        var lastDay: Day?
        for (i, item) in s.agenda.enumerated() {
            if item.day != lastDay {
                lastDay = item.day
                let name = "\(weekdays[item.day.weekday]) \(item.day.iso)"
                let late = s.today - item.day
                let title =
                    item.day < s.today ? "\(name) · overdue \(late) d" : item.day == s.today ? "Today · \(name)" : name
                lines.append((title, item.day < s.today ? .overdue : .title, false))
            }
            let kind: String
            switch item.kind {
            case .task(let lane): kind = lane.rawValue
            case .checkpoint: kind = "checkpoint"
            case .touchpoint: kind = "touchpoint"
            }
            let titleW = max(10, w - 3 - kindW - accountW - (whoW > 0 ? whoW + 1 : 0) - 3)
            var text =
                "   " + Text.pad(kind, to: kindW) + " " + Text.pad(item.account, to: accountW) + " "
                + Text.pad(item.title, to: titleW)
            if whoW > 0 { text += " " + Text.pad(item.who, to: whoW) }
            let role: Role = item.kind == .checkpoint ? .title : item.kind == .touchpoint ? .detail : .normal
            lines.append((text, role, i == s.agendaIndex))
        }
        if lines.isEmpty { lines.append(("  nothing overdue or due in the next six days", .dim, false)) }
        list(lines, top: 0, y0: 1, height: s.height - 3, &c)
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if s.agendaIndex < s.agenda.count {
            let it = s.agenda[s.agendaIndex]
            c.put(" \(it.account) · \(it.title) · \(it.who) · \(it.day.iso)", x: 0, y: y, role: .detail)
        }
    }

    // MARK: Metrics

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
        guard let report = s.metrics else { return [("  reading every account…", .dim, false)] }
        let team = report.team
        let byCSM = report.byCsm
        let barW = max(10, min(30, s.width / 4))
        var out: [(text: String, role: Role, selected: Bool)] = []
        func add(_ t: String, _ r: Role = .normal) { out.append((t, r, false)) }
        func rate(_ label: String, _ r: Rate) {
            add(
                "   " + Text.pad(label, to: 24) + bar(r.value ?? 0, width: barW) + " "
                    + Text.pad(r.percent, to: 4, right: true) + "  (\(r.part) of \(r.whole))")
        }
        add(
            "Team — \(team.active) active of \(team.accounts) accounts · days from contract signed: median (p25–p75)",
            .title)
        add("   " + Text.pad("time to first value", to: 24) + Reports.spread(team.timeToFirstValue) + " d")
        add("   " + Text.pad("time to go-live", to: 24) + Reports.spread(team.timeToGoLive) + " d")
        rate("on-time go-live", team.onTimeGoLive)
        rate("customer tasks on time", team.customerTaskOnTime)
        rate("escalation rate", team.escalation)
        let lostMax = Double(max(1, team.daysLostOnCustomer, team.daysLostOnUs, team.daysLostOnApprovers))
        for (label, v) in [
            ("days lost: customer", team.daysLostOnCustomer), ("days lost: us", team.daysLostOnUs),
            ("days lost: approvers", team.daysLostOnApprovers),
        ] {
            add("   " + Text.pad(label, to: 24) + bar(Double(v) / lostMax, width: barW) + " \(v)")
        }
        add(
            "   " + Text.pad("go-lives per week", to: 24) + sparkline(team.goLivesPerWeek)
                + "  last \(team.goLivesPerWeek.count) weeks, \(team.goLivesPerWeek.reduce(0, +)) in all")
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
        add("Load per CSM — active onboardings, and new this quarter against the benchmark of 6–8", .title)
        for l in team.load {
            add(
                "   " + Text.pad(l.csm, to: 24) + bar(Double(l.newThisQuarter) / Double(l.capacity), width: barW)
                    + " \(l.newThisQuarter)/\(l.capacity) new · \(l.active) active",
                l.newThisQuarter > l.capacity ? .overdue : .normal)
        }
        add("")
        add("Per CSM", .title)
        add(
            "   " + Text.pad("CSM", to: 24) + Text.pad("first value", to: 19) + Text.pad("go-live", to: 19)
                + Text.pad("on time", to: 9)
                + Text.pad("cust. tasks", to: 12) + Text.pad("escalated", to: 10) + "go-lives/week", .dim)
        for m in byCSM {
            add(
                "   " + Text.pad(m.group, to: 24) + Text.pad(Reports.spread(m.timeToFirstValue), to: 19)
                    + Text.pad(Reports.spread(m.timeToGoLive), to: 19)
                    + Text.pad(m.onTimeGoLive.percent, to: 9) + Text.pad(m.customerTaskOnTime.percent, to: 12)
                    + Text.pad(m.escalation.percent, to: 10)
                    + sparkline(m.goLivesPerWeek))
        }
        return out
    }

    func metrics(_ s: AppState, _ c: inout Canvas) {
        header(s, "Metrics  \(glyphs.separator) as of \(s.today.iso) · the same figures as `golive report metrics`", &c)
        list(metricLines(s), top: s.metricsTop, y0: 1, height: s.height - 2, &c)
    }

    // MARK: History

    func history(_ s: AppState, _ c: inout Canvas) {
        guard case .history(let id) = s.screen, let a = s.accounts[id] else { return }
        header(s, "History — \(a.name)  \(glyphs.separator) \(s.history.count) changes, newest first", &c)
        let whoW = 16
        let lines = s.history.map { e -> (text: String, role: Role, selected: Bool) in
            let when = e.at.replacingOccurrences(of: "T", with: " ").prefix(16)
            return (
                " \(when)  \(Text.pad(e.who, to: whoW))  \(Describe.event(e, in: a))",
                e.kind == "undo" ? .dim : .normal, false
            )
        }
        list(
            lines.isEmpty ? [("  no changes recorded", .dim, false)] : lines, top: s.historyTop, y0: 1,
            height: s.height - 2, &c)
    }
}
