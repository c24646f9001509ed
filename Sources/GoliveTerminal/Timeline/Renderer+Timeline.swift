import GoliveDomain
import GoliveIO

extension Renderer {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An account's plan over the days or weeks: the checkpoints, then each lane's open
    /// tasks, each a bar to its due date and on to its forecast where it slips, the critical
    /// path to the go-live marked, the first plan where a date moved, and today's line.
    func timeline(_ s: AppState, _ c: inout Canvas) {
        guard case .timeline(let id) = s.screen else { return }
        guard let a = s.accounts[id] else {
            header(s, "Timeline", &c)
            c.put("  reading the account…", x: 0, y: 2, role: .dim)
            return
        }
        let t = Timeline(a, asOf: s.today)
        let f = TimelineFrame(t, width: s.width, scale: s.timelineScale)
        let start = f.start(s.timelineStart, in: t, today: s.today)
        timelineHeader(s, a, t, f, &c)
        timelineAxis(s, f, start, &c)

        // The groups' titles and their bars, one a line; only those on screen are drawn.
        var lines: [(title: String, bar: Int?)] = []
        var next = 0
        for g in t.groups {
            let open = g.bars.isEmpty ? "none open" : "\(g.bars.count) open"
            lines.append((g.lane == nil ? g.title : "\(g.title) · \(open)", nil))
            lines += (next..<next + g.bars.count).map { ("", $0) }
            next += g.bars.count
        }
        let selected = t.bars.isEmpty ? nil : max(0, min(s.timelineIndex, t.bars.count - 1))
        let y0 = 3
        var area = s.height - 2 - y0
        // A legend where the plan leaves a line free; the help lists the marks either way.
        if lines.count < area {
            area -= 1
            timelineLegend(s, y: s.height - 3, &c)
        }
        // As the keys left it, unless a resize hid the selection.
        let first = selected.map { t.top(from: s.timelineTop, showing: $0, height: area) } ?? 0
        let todayColumn = f.column(of: s.today, from: start)
        for (i, line) in lines.dropFirst(first).prefix(area).enumerated() {
            let y = y0 + i
            c.put(glyphs.separator, x: f.labelWidth, y: y, role: .dim)
            if todayColumn >= 0 && todayColumn < f.chartWidth {
                c.put(glyphs.todayLine, x: f.chartX + todayColumn, y: y, role: .timelineToday)
            }
            guard let k = line.bar else {
                c.put(" " + line.title, x: 0, y: y, role: .laneTitle, maxWidth: f.labelWidth)
                continue
            }
            timelineLabel(t.bars[k], a, s, f, y: y, &c)
            timelineBar(t.bars[k], f, start, y: y, &c)
            if k == selected { c.restyle(x: 0, y: y, width: f.labelWidth, highlighted: true) }
        }

        // The selected bar in full, in words: what the chart shows in marks.
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if let selected {
            let words = timelineWords(
                t.bars[selected], a, isRoot: selected == t.root, pathTo: t.pathTo, shortDates: s.width < 120)
            c.put(" " + words, x: 0, y: y, role: .detail)
        } else {
            c.put(" nothing to show: the plan has no checkpoint and no open task", x: 0, y: y, role: .detail)
        }
    }

    private func timelineHeader(_ s: AppState, _ a: Account, _ t: Timeline, _ f: TimelineFrame, _ c: inout Canvas) {
        let late = t.goLiveForecast - a.goLive
        let goLive =
            t.liveSince.map { "live since \($0.iso)" }
            ?? "go-live forecast \(t.goLiveForecast.iso), " + (late > 0 ? "\(plural(late, "day")) late" : "on time")
        var parts = [(text: goLive, drop: 0)]
        // The forecasts stand as they were the day the hold began.
        if let h = a.currentHold { parts.append(("on hold since \(h.from.iso)", 0)) }
        if a.goLiveMoves > 0 { parts.append(("first planned \(a.goLiveBaseline.iso)", 2)) }
        parts.append((f.scale.title, 1))
        header(s, "Timeline — \(a.name)", parts: parts, &c)
    }

    /// Two lines of dates over the chart: the months, then each Monday's day of the month,
    /// with today marked; in the label column, the scale and today's date.
    private func timelineAxis(_ s: AppState, _ f: TimelineFrame, _ start: Day, _ c: inout Canvas) {
        let other = s.keys.keys(for: .cycleScale).first.map { "  \($0.description): \(f.scale.other.title)" }
        c.put(" " + f.scale.title + (other ?? ""), x: 0, y: 1, role: .dim, maxWidth: f.labelWidth)
        c.put(" today \(s.today.iso)", x: 0, y: 2, role: .timelineToday, maxWidth: f.labelWidth)
        for y in 1...2 { c.put(glyphs.separator, x: f.labelWidth, y: y, role: .dim) }
        let days = (0..<f.daysInView).map { start + $0 }
        // Each month named where it begins, and the one in view at the left edge, each as far
        // as the room before the next allows: the year with the first named and with January.
        var starts = days.filter { $0.components.day == 1 }
        if starts.first != start { starts.insert(start, at: 0) }
        var free = 0
        var yearShown = false
        for (i, d) in starts.enumerated() {
            let x = f.column(of: d, from: start)
            let next = i + 1 < starts.count ? f.column(of: starts[i + 1], from: start) : f.chartWidth + 1
            let long = Renderer.monthLabel(d, withYear: true)
            let short = Renderer.monthLabel(d, withYear: false)
            let names = !yearShown || d.components.month == 1 ? [long, short] : [short]
            // A month named in part would read as another word: it waits for the next scroll.
            let room = min(next - 1, f.chartWidth) - x
            guard x >= free, let text = names.first(where: { Text.width($0) <= room })
            else { continue }
            free = x + c.put(text, x: f.chartX + x, y: 1, role: .title) + 1
            if text == long { yearShown = true }
        }
        let todayColumn = f.column(of: s.today, from: start)
        free = 0
        for d in days where d.weekday == 0 {
            let x = f.column(of: d, from: start)
            let label = "\(d.components.day)"
            // A date never hides today's mark.
            guard x >= free, x + Text.width(label) <= f.chartWidth, !(x...(x + Text.width(label))).contains(todayColumn)
            else { continue }
            free = x + c.put(label, x: f.chartX + x, y: 2, role: .dim) + 1
        }
        if todayColumn >= 0 && todayColumn < f.chartWidth {
            c.put(glyphs.todayMark, x: f.chartX + todayColumn, y: 2, role: .timelineToday)
        }
    }

    static func monthLabel(_ d: Day, withYear: Bool) -> String {
        let (year, month, _) = d.components
        return monthNames[month - 1] + (withYear ? " \(year)" : "")
    }

    /// The critical mark, the state or status, the name; the due date where there is room.
    private func timelineLabel(
        _ bar: Timeline.Bar, _ a: Account, _ s: AppState, _ f: TimelineFrame, y: Int, _ c: inout Canvas
    ) {
        if bar.critical { c.put(glyphs.critical, x: 0, y: y, role: .timelineCritical) }
        let (tag, tagRole, name): (String, Role, String) =
            switch bar.subject {
            case .checkpoint(let cp, let state): (stateGlyph(state), Role.state(state), cp.name)
            case .task(let t):
                (
                    Renderer.tag(t.status),
                    t.status == .blocked || t.status == .rejected
                        ? .ragRed : t.status == .waiting ? .ragAmber : .normal, t.title
                )
            case .target:
                (glyphs.rag(bar.slip > 0 ? .amber : .green), bar.slip > 0 ? .ragAmber : .ragGreen, "target go-live")
            }
        let dateWidth = f.labelWidth >= 32 ? 6 : 0
        var x = 2
        x += c.put(tag + " ", x: x, y: y, role: tagRole)
        c.put(name, x: x, y: y, role: bar.isAchieved ? .dim : .normal, maxWidth: f.labelWidth - x - dateWidth - 1)
        if dateWidth > 0 {
            let day = bar.isAchieved ? bar.forecast : bar.due
            let overdue = !bar.isAchieved && bar.due < s.today
            c.put(Renderer.short(day), x: f.labelWidth - 6, y: y, role: overdue ? .overdue : .dim)
        }
    }

    /// The bar of one row over the days in view: the first plan and the days it moved, the
    /// slip out to the forecast, the planned work (a checkpoint: its mark on its day).
    private func timelineBar(_ bar: Timeline.Bar, _ f: TimelineFrame, _ start: Day, y: Int, _ c: inout Canvas) {
        // A day may take several columns: a mark stands on its first, a bar covers them all,
        // and what follows a mark starts right after it.
        func first(_ d: Day) -> Int { f.column(of: d, from: start) }
        func last(_ d: Day) -> Int { max(first(d), first(d + 1) - 1) }
        func paint(_ glyph: String, columns a: Int, _ b: Int, role: Role) {
            let (from, to) = (max(0, a), min(f.chartWidth - 1, b))
            guard from <= to else { return }
            for x in from...to { c.put(glyph, x: f.chartX + x, y: y, role: role) }
        }
        func mark(_ glyph: String, on d: Day, role: Role) { paint(glyph, columns: first(d), first(d), role: role) }
        let day = bar.isAchieved ? bar.forecast : bar.due
        if let b = bar.baseline {
            if b < day { paint(glyphs.moved, columns: first(b) + 1, first(day) - 1, role: .dim) }
            if b > day { paint(glyphs.moved, columns: first(day) + 1, first(b) - 1, role: .dim) }
            mark(glyphs.baseline, on: b, role: .dim)
        }
        if bar.slip > 0 {
            // After a task's last day; after a checkpoint's mark.
            let after = bar.isTask ? last(bar.due) + 1 : first(bar.due) + 1
            paint(glyphs.slipBar, columns: after, last(bar.forecast), role: .ragAmber)
        }
        switch bar.subject {
        case .checkpoint(_, let state): mark(stateGlyph(state), on: day, role: Role.state(state))
        case .task:
            paint(
                bar.critical ? glyphs.criticalBar : glyphs.plannedBar, columns: first(bar.start), last(bar.due),
                role: bar.critical ? .timelineCritical : .normal)
        case .target:
            mark(glyphs.rag(bar.slip > 0 ? .amber : .green), on: day, role: bar.slip > 0 ? .ragAmber : .ragGreen)
        }
        // A bar wholly before or after the days in view says which way, and its date.
        let earliest = min(bar.start, bar.baseline ?? bar.start)
        let latest = max(bar.forecast, bar.due, bar.baseline ?? bar.due)
        if f.column(of: latest, from: start) < 0 {
            c.put("\(glyphs.earlier) \(Renderer.short(day))", x: f.chartX, y: y, role: .dim)
        } else if f.column(of: earliest, from: start) >= f.chartWidth {
            let text = "\(Renderer.short(day)) \(glyphs.later)"
            c.put(text, x: f.chartX + f.chartWidth - Text.width(text), y: y, role: .dim)
        }
    }

    private func timelineLegend(_ s: AppState, y: Int, _ c: inout Canvas) {
        let g = glyphs
        let marks: [(String, Role)] = [
            ("\(g.critical)\(g.criticalBar) critical path", .timelineCritical),
            ("\(g.slipBar) slip to the forecast", .ragAmber), ("\(g.baseline)\(g.moved) first plan", .dim),
            ("\(g.todayLine) today", .timelineToday), ("\(g.plannedBar) planned work", .normal),
        ]
        var x = 1
        for (text, role) in marks {
            guard x + Text.width(text) < s.width else { break }
            x += c.put(text, x: x, y: y, role: role) + 3
        }
    }

    /// One bar in words, what matters first (a narrow screen cuts the end): what it is, its
    /// due date, its forecast, its first plan, its place on the critical path, then whose it
    /// is and what it waits on.
    func timelineWords(_ bar: Timeline.Bar, _ a: Account, isRoot: Bool, pathTo: String, shortDates: Bool) -> String {
        // A narrow screen gives the dates without their year, so the slip still shows.
        func date(_ d: Day) -> String { shortDates ? Renderer.short(d) : d.iso }
        var parts: [String] = []
        switch bar.subject {
        case .checkpoint(let cp, let state):
            parts.append("\(cp.name) (\(state.title))")
            parts.append(cp.achievedOn.map { "achieved \(date($0)), due \(date(cp.due))" } ?? "due \(date(cp.due))")
        case .task(let t):
            // Open and pending are what a task on the timeline is; other statuses say more.
            let status =
                t.status == .open || t.status == .pending
                ? "" : " (\(t.status.title)\(t.reason.map { ": \($0)" } ?? ""))"
            parts.append("'\(t.title)'\(status)")
            parts.append("due \(date(t.due))")
        case .target:
            parts.append("target go-live \(date(bar.due))")
        }
        if !bar.isAchieved {
            parts.append(
                bar.slip > 0 ? "forecast \(date(bar.forecast)), \(plural(bar.slip, "day")) late" : "forecast on time")
        }
        if let b = bar.baseline { parts.append("first planned \(date(b))") }
        if isRoot {
            parts.append("the critical path to \(pathTo) starts here")
        } else if bar.critical {
            parts.append("on the critical path to \(pathTo)")
        }
        if case .task(let t) = bar.subject {
            parts.append("\(t.lane.title.lowercased()), \(t.owner)")
            let waits = t.dependsOn.compactMap { a.task($0) }.filter(\.isOpen)
            if !waits.isEmpty { parts.append("waits on " + waits.map { "'\($0.title)'" }.joined(separator: ", ")) }
        }
        return parts.joined(separator: " · ")
    }
}
