import GoliveDomain
import GoliveIO

extension Renderer {
    func account(_ s: AppState, _ c: inout Canvas) {
        guard let a = s.currentAccount else { return }
        let w = s.width
        let st = a.status(asOf: s.today)
        let stall = a.stall(asOf: s.today)
        // Line 0: who and where.
        c.fill(y: 0, role: .header)
        let days = a.goLive - s.today
        let stageText =
            a.isActive
            ? "stage \(a.stage.name) \(a.daysInStage(asOf: s.today))/\(a.stage.slaDays) d"
                + (a.currentHold != nil ? " ON HOLD" : "")
            : "completed \(a.completedOn?.iso ?? "")"
        let live = a.checkpoints.first { $0.milestone == .goLive }?.achievedOn
        let goLive =
            live.map { "live since \($0.iso) \(glyphs.rag(.achieved))" }
            ?? "go-live \(a.goLive.iso) (\(Renderer.relative(days))\(Renderer.slip(a.goLiveSlip, moves: a.goLiveMoves)))"
        let rag = " \(ragGlyph(st.rag)) " + (stall != nil ? "S " : "")
        let badge = s.badge.map { "\($0) " } ?? ""
        // The stage and the go-live date are never cut: on a narrow screen the playbook,
        // then the segment, then the ARR give way first.
        let room = w - Text.width(rag) - Text.width(badge)
        // Narrowest of all, the account's name gives way, never the go-live date.
        let tail = "  \(glyphs.separator) "
        func named(_ rest: String) -> String {
            let full = " \(a.name)\(tail)"
            guard Text.width(full) + Text.width(rest) > room else { return full }
            return " " + Text.truncate(a.name, to: max(6, room - Text.width(rest) - Text.width(tail) - 1)) + tail
        }
        let layouts = [
            [a.segment.title, Renderer.money(a.arr), "CSM \(a.csm)", stageText, goLive, "playbook \(a.playbook)"],
            [a.segment.title, Renderer.money(a.arr), "CSM \(a.csm)", stageText, goLive],
            [Renderer.money(a.arr), "CSM \(a.csm)", stageText, goLive], ["CSM \(a.csm)", stageText, goLive],
            [stageText, goLive],
            // Narrower still: the go-live in short, its slip kept.
            [
                stageText,
                live.map { "live \(Renderer.short($0))" }
                    ?? "go-live \(Renderer.short(a.goLive)) \(Renderer.relative(days))"
                    + (a.goLiveMoves > 0 ? " moved \(a.goLiveMoves)× \(Renderer.slipMark(a.goLiveSlip))" : ""),
            ],
            // Narrowest: the date alone, before the name gives way.
            [stageText, live.map { "live \(Renderer.short($0))" } ?? "go-live \(Renderer.short(a.goLive))"],
        ].map { $0.joined(separator: " · ") }
        // The name gives way (to 8 columns at most) before the go-live's slip does; then the
        // date alone stays, the name giving way as far as it must.
        let whole = layouts.dropLast(2).map { " \(a.name)\(tail)" + $0 }.first { Text.width($0) <= room }
        let slip = layouts[layouts.count - 2]
        let shortName = " " + Text.truncate(a.name, to: 8) + tail
        let head: String
        if let whole {
            head = whole
        } else if Text.width(shortName) + Text.width(slip) <= room {
            head = named(slip) + slip
        } else {
            head = named(layouts[layouts.count - 1]) + layouts[layouts.count - 1]
        }
        c.put(head, x: 0, y: 0, role: .header, maxWidth: w - Text.width(rag) - Text.width(badge))
        c.put(rag, x: w - Text.width(rag) - Text.width(badge), y: 0, role: Role.rag(st.rag))
        if !badge.isEmpty { c.put(badge, x: w - Text.width(badge), y: 0, role: .badge) }

        // Line 1: the checkpoints, in order, with dates and states; the selected one highlighted.
        let selected = s.selectedCheckpoint(in: a)?.id
        let items = st.checkpoints.map { cs in
            (
                cs,
                "\(stateGlyph(cs.state)) \(cs.checkpoint.name) "
                    + Renderer.short(cs.checkpoint.achievedOn ?? cs.checkpoint.due)
                    + (cs.checkpoint.customerConfirms ? "*" : "")
                    + (cs.checkpoint.replan.map { Renderer.slipMark(cs.checkpoint.due - $0.baseline) } ?? "")
            )
        }
        let selIndex = items.firstIndex { $0.0.checkpoint.id == selected } ?? 0
        var start = 0
        while start < selIndex && items[start...selIndex].reduce(0, { $0 + Text.width($1.1) + 2 }) > w - 2 {
            start += 1
        }
        var x = 1
        if start > 0 { x += c.put(glyphs.ellipsis + " ", x: x, y: 1, role: .dim) }
        for (cs, text) in items[start...] {
            guard x < w - 1 else { break }
            let used = c.put(
                text, x: x, y: 1, role: Role.state(cs.state), maxWidth: w - x - 1,
                highlighted: cs.checkpoint.id == selected)
            x += used + 2
        }

        // Line 2: the reasons (why red?) and the stall, in words.
        var why =
            st.reasons.isEmpty
            ? (a.isActive ? "every open checkpoint on track" : "onboarding completed")
            : st.reasons.map(\.text).joined(separator: "; ")
        if let stall {
            why +=
                "  \(glyphs.separator) stalled \(stall.days)d, \(stall.ballInCourt.phrase): "
                + stall.reasons.map(\.text).joined(separator: "; ")
        }
        if let h = a.currentHold {
            // Why the clocks stand still, ahead of everything else on the line.
            why =
                "on hold since \(h.from.iso) (\(h.reason)), resume expected \(h.expectedResume.iso), P resumes"
                + " \(glyphs.separator) " + why
        }
        c.put(" " + why, x: 0, y: 2, role: st.reasons.isEmpty ? .dim : Role.rag(st.rag))

        // Line 3: the handoff record.
        let h = a.handoff
        let handoff =
            h.isEmpty
            ? "no handoff record"
            : [
                h.goals.isEmpty ? nil : "goals: \(h.goals)",
                h.requirements.isEmpty ? nil : "requirements: \(h.requirements)",
                h.promises.isEmpty ? nil : "promised: \(h.promises)",
                h.stakeholders.isEmpty
                    ? nil
                    : "stakeholders: "
                        + h.stakeholders.map {
                            "\($0.name) (\(([$0.role.replacingOccurrences(of: "_", with: " ")] + [$0.contact].compactMap { $0 }).joined(separator: ", ")))"
                        }
                        .joined(separator: ", "),
            ].compactMap { $0 }.joined(separator: " · ")
        // In Handoff an incomplete record is what blocks the next stage, so it leads the line.
        let gaps = a.handoffGaps
        if gaps.isEmpty {
            c.put(" " + handoff, x: 0, y: 3, role: .dim)
        } else {
            let warning = " handoff record lacks \(gaps.joined(separator: ", ")) (O edits)"
            let used = c.put(warning, x: 0, y: 3, role: .ragAmber)
            if used + 1 < w && !h.isEmpty {
                c.put(" \(glyphs.separator) " + handoff, x: used, y: 3, role: .dim)
            }
        }

        // The three lanes: side by side when there is room, else one at a time with tabs.
        let focus = s.focus ?? AccountFocus(accountID: a.id)
        let top = 4
        // The rows the lanes leave empty hold the reasons in full, one a line: line 2 has
        // room for the first few only.
        let reasons = Renderer.reasonLines(st, stall)
        // Side by side, the longest lane decides; one at a time, the lane in view.
        let shownLanes = w >= 100 ? Lane.allCases : [focus.lane]
        let longest = shownLanes.map { lane in s.tasks(of: a, in: lane).count }.max() ?? 0
        let laneRows = 1 + max(1, longest)
        let spare = s.height - 3 - top + 1 - laneRows
        let panel = reasons.isEmpty || spare < 3 ? 0 : min(reasons.count + 1, spare)
        let bottom = s.height - 3 - panel
        if panel > 0 {
            let py = bottom + 1
            c.put(String(repeating: glyphs.rule, count: w), x: 0, y: py, role: .dim)
            c.put(" why \(st.rag.rawValue) ", x: 2, y: py, role: .title)
            for (i, line) in reasons.prefix(panel - 1).enumerated() {
                let more = i == panel - 2 && reasons.count > panel - 1 ? " (\(reasons.count - i - 1) more)" : ""
                // The count of hidden reasons outlives a long last line: the text gives way.
                let used = c.put(" " + line.text, x: 0, y: py + 1 + i, role: line.role, maxWidth: w - Text.width(more))
                c.put(more, x: used, y: py + 1 + i, role: line.role)
            }
        }
        let sideBySide = w >= 100
        if sideBySide {
            // Shared by what each lane's lines need, so long titles are not cut while a lane
            // of short ones leaves its columns empty.
            let widths = Renderer.laneWidths(total: w - 2, needs: Lane.allCases.map { laneNeed(s, a, $0) })
            var lx = 0
            for (i, lane) in Lane.allCases.enumerated() {
                laneColumn(s, a, lane, focused: lane == focus.lane, x: lx, y: top, width: widths[i], bottom: bottom, &c)
                if i > 0 { for y in top...bottom { c.put(glyphs.separator, x: lx - 1, y: y, role: .dim) } }
                lx += widths[i] + 1
            }
        } else {
            var tx = 1
            for lane in Lane.allCases {
                let n = a.tasks.filter { $0.lane == lane && $0.isOpen }.count
                let label = " \(lane.title) (\(n) open) "
                tx +=
                    c.put(
                        label, x: tx, y: top, role: lane == focus.lane ? .laneFocus : .laneTitle,
                        highlighted: lane == focus.lane) + 1
            }
            laneColumn(
                s, a, focus.lane, focused: true, x: 0, y: top + 1, width: w, bottom: bottom, &c, showTitle: false)
        }

        // The selected task in full: owner, due, status, what it waits on, where it leads —
        // or, just after [ or ], the selected checkpoint.
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if focus.onCheckpoint, let cp = s.selectedCheckpoint(in: a),
            let cs = st.checkpoints.first(where: { $0.checkpoint.id == cp.id })
        {
            var parts = [cp.name, cp.achievedOn.map { "achieved \($0.iso)" } ?? "due \(cp.due.iso)", cs.state.title]
            if let first = cp.replan?.baseline, first != cp.due { parts.append("first planned \(first.iso)") }
            if cp.customerConfirms { parts.append("the customer confirms") }
            parts += cs.reasons.map(\.text)
            c.put(" " + parts.joined(separator: " · "), x: 0, y: y, role: .detail)
        } else if let t = s.selectedTask(in: a) {
            var parts = [
                "\(t.title)", "owner \(t.owner)",
                // By the clock: not on the days of a hold.
                "due \(t.due.iso)"
                    + (a.daysOverdue(t, asOf: s.today) > 0 ? " (overdue \(a.daysOverdue(t, asOf: s.today)) d)" : ""),
                t.status.title + (t.reason.map { ": \($0)" } ?? ""),
            ]
            let waits = t.dependsOn.compactMap { a.task($0) }.filter(\.isOpen)
            if !waits.isEmpty {
                parts.append("waits on " + waits.map { "'\($0.title)' (\($0.status.title))" }.joined(separator: ", "))
            }
            if let cp = a.checkpoint(t.checkpointID) { parts.append("\(glyphs.arrow) \(cp.name)") }
            c.put(" " + parts.joined(separator: " · "), x: 0, y: y, role: .detail)
        } else {
            c.put(" no tasks in the \(focus.lane.title) lane — a adds one", x: 0, y: y, role: .detail)
        }
    }

    static func tag(_ s: TaskStatus) -> String {
        switch s {
        case .open: "[ ]"
        case .inProgress: "[~]"
        case .waiting: "[w]"
        case .blocked: "[b]"
        case .done: "[x]"
        case .skipped: "[-]"
        case .pending: "[?]"
        case .approved: "[x]"
        case .rejected: "[r]"
        }
    }

    func laneColumn(
        _ s: AppState, _ a: Account, _ lane: Lane, focused: Bool, x: Int, y: Int, width: Int, bottom: Int,
        _ c: inout Canvas, showTitle: Bool = true
    ) {
        let tasks = s.tasks(of: a, in: lane)
        var row = y
        if showTitle {
            let open = tasks.filter(\.isOpen).count
            c.put(
                " \(lane.title) (\(open) open of \(tasks.count))", x: x, y: row,
                role: focused ? .laneFocus : .laneTitle, maxWidth: width, highlighted: false)
            row += 1
        }
        let selectedID = focused ? s.selectedTask(in: a)?.id : nil
        let capacity = bottom - row + 1
        let selIndex = tasks.firstIndex { $0.id == selectedID } ?? 0
        let first = max(0, min(selIndex - capacity + 1 + min(2, capacity / 3), tasks.count - capacity))
        if tasks.isEmpty { c.put("  (none)", x: x, y: row, role: .dim, maxWidth: width) }
        // As wide as the lane's longest owner, up to a cap: the titles take the rest.
        let longestOwner = tasks.map { Text.width($0.owner) }.max() ?? 0
        let ownerWidth = min(longestOwner, width >= 60 ? Renderer.ownerCap : width >= 36 ? 10 : 0)
        for t in tasks.dropFirst(max(0, first)).prefix(capacity) {
            let overdue = a.daysOverdue(t, asOf: s.today) > 0
            let role: Role =
                !t.isOpen
                ? .dim
                : t.status == .blocked || t.status == .rejected ? .ragRed : t.status == .waiting ? .ragAmber : .normal
            c.put(" " + Renderer.tag(t.status), x: x, y: row, role: role, maxWidth: 4)
            let dueText = Renderer.short(t.due)
            let waits = t.dependsOn.compactMap { a.task($0) }.contains { $0.isOpen }
            let titleWidth = width - 5 - 6 - (ownerWidth > 0 ? ownerWidth + 1 : 0) - 1
            c.put(
                (waits && t.isOpen ? glyphs.arrow + " " : "") + t.title, x: x + 5, y: row, role: role,
                maxWidth: titleWidth)
            if ownerWidth > 0 { c.put(t.owner, x: x + 5 + titleWidth + 1, y: row, role: .dim, maxWidth: ownerWidth) }
            c.put(dueText, x: x + width - 6, y: row, role: overdue ? .overdue : t.isOpen ? .normal : .dim, maxWidth: 5)
            if t.id == selectedID { c.restyle(x: x, y: row, width: width, highlighted: true) }
            row += 1
        }
    }

    /// Every reason behind an account's colour and its stall, one a line, in words.
    static func reasonLines(of a: Account, today: Day) -> [(text: String, role: Role)] {
        reasonLines(a.status(asOf: today), a.stall(asOf: today))
    }

    static func reasonLines(_ st: AccountStatus, _ stall: Stall?) -> [(text: String, role: Role)] {
        var lines = st.reasons.map { (text: $0.text, role: Role.rag(st.rag)) }
        if let stall {
            lines += stall.reasons.map { (text: "stalled: \($0.text)", role: Role.stalled) }
        }
        return lines
    }
}
