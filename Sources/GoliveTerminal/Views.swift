import GoliveDomain
import GoliveIO

/// Renders the state into a canvas. Only visible rows are built, so a frame costs the
/// same with 30 accounts or 100,000.
public struct Renderer: Sendable {
    public var glyphs: Glyphs
    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    public func render(_ s: AppState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        if s.tooSmall {
            tooSmall(s, &c)
            return c
        }
        switch s.screen {
        case .board: board(s, &c)
        case .account: account(s, &c)
        case .stalled: stalled(s, &c)
        case .agenda: agenda(s, &c)
        case .metrics: metrics(s, &c)
        case .history: history(s, &c)
        }
        if s.helpOpen { help(s, &c) }
        footer(s, &c)
        return c
    }

    // MARK: Shared

    func ragGlyph(_ r: RAG) -> String {
        glyphs.rag(r == .red ? .red : r == .amber ? .amber : .green) + " " + r.letter
    }

    func stateGlyph(_ st: CheckpointState) -> String {
        switch st {
        case .achieved: glyphs.rag(.achieved)
        case .onTrack: glyphs.rag(.green)
        case .atRisk: glyphs.rag(.amber)
        case .offTrack: glyphs.rag(.red)
        }
    }

    static func money(_ v: Int) -> String {
        switch v {
        case 1_000_000...: return "$" + trim(Double(v) / 1_000_000) + "M"
        case 1_000...: return "$" + trim(Double(v) / 1_000) + "k"
        default: return "$\(v)"
        }
    }

    static func trim(_ d: Double) -> String {
        d >= 100 ? String(Int(d.rounded())) : String(format: "%.1f", d).replacingOccurrences(of: ".0", with: "")
    }

    static func relative(_ days: Int) -> String { days == 0 ? "today" : days > 0 ? "+\(days)d" : "\(days)d" }

    static func short(_ d: Day) -> String { String(d.iso.dropFirst(5)) }

    func footer(_ s: AppState, _ c: inout Canvas) {
        let y = s.height - 1
        c.fill(y: y, role: .footer)
        if let p = s.prompt {
            c.fill(y: y, role: .prompt)
            let label = p.label + ": "
            let used = c.put(label, x: 0, y: y, role: .prompt, maxWidth: s.width * 2 / 3)
            c.put(p.text + "▏", x: used, y: y, role: .normal, maxWidth: s.width - used)
            return
        }
        if let st = s.status {
            c.put(" " + st.text, x: 0, y: y, role: st.isError ? .statusError : .statusOK)
            return
        }
        let keys: [(Command, String)]
        switch s.screen {
        case _ where s.helpOpen: keys = []
        case .board:
            keys = [
                (.open, "open"), (.filter, "filter"), (.cycleSort, "sort"), (.toggleMine, "mine"), (.reload, "reload"),
                (.viewStalled, "stalled"),
                (.viewAgenda, "agenda"), (.viewMetrics, "metrics"), (.undo, "undo"), (.help, "help"), (.back, "quit"),
            ]
        case .stalled:
            keys = [
                (.open, "open"), (.escalate, "escalate"), (.reassignCSM, "CSM"), (.addNote, "note"),
                (.markReviewed, "reviewed"),
                (.undo, "undo"), (.viewBoard, "board"), (.help, "help"), (.back, "back"),
            ]
        case .agenda:
            keys = [
                (.open, "open"), (.toggleMine, "mine"), (.viewBoard, "board"), (.viewStalled, "stalled"),
                (.help, "help"), (.back, "back"),
            ]
        case .metrics:
            keys = [
                (.moveDown, "scroll"), (.viewBoard, "board"), (.viewStalled, "stalled"), (.help, "help"),
                (.back, "back"),
            ]
        case .history: keys = [(.moveDown, "scroll"), (.help, "help"), (.back, "back")]
        case .account:
            keys = [
                (.nextLane, "lane"), (.toggleDone, "done"), (.block, "block"), (.markWaiting, "wait"),
                (.addTask, "add"), (.changeDue, "due"),
                (.reassign, "owner"), (.addNote, "note"), (.achieveCheckpoint, "checkpoint"), (.advanceStage, "stage"),
                (.escalate, "escalate"),
                (.history, "history"), (.undo, "undo"), (.help, "help"), (.back, "back"),
            ]
        }
        var x = 1
        for (command, word) in keys {
            guard let k = s.keys.keys(for: command).first else { continue }
            let keyText = k.description
            if x + Text.width(keyText) + Text.width(word) + 2 > s.width { break }
            x += c.put(keyText, x: x, y: y, role: .footer)
            x += c.put(" " + word + "  ", x: x, y: y, role: .footer)
        }
        if s.helpOpen { c.put(" type to filter · Esc closes", x: 0, y: y, role: .footer) }
    }

    func tooSmall(_ s: AppState, _ c: inout Canvas) {
        let lines = [
            "terminal too small",
            "need \(AppState.minimumWidth)×\(AppState.minimumHeight), have \(s.width)×\(s.height)", "q quits",
        ]
        for (i, l) in lines.enumerated() {
            let y = s.height / 2 - 1 + i
            c.put(l, x: max(0, (s.width - Text.width(l)) / 2), y: y, role: i == 0 ? .statusError : .normal)
        }
    }

    // MARK: Board

    struct Column {
        var title: String
        var width: Int
        var right = false
    }

    func board(_ s: AppState, _ c: inout Canvas) {
        let w = s.width
        // Header: counts of what is on the board now (after filter and "mine").
        c.fill(y: 0, role: .header)
        let counts = s.counts.byRAG
        let stalled = s.counts.stalled
        let open = s.counts.active
        func count(_ rag: RAG) -> String { "\(ragGlyph(rag).prefix(1)) \(counts[rag] ?? 0) \(rag.rawValue)" }
        var header = " golive  \(count(.red))  \(count(.amber))  \(count(.green))  "
        header += "S \(stalled) stalled  \(s.visible.count) accounts (\(open) active)"
        header += "  \(glyphs.separator) sort: \(s.sort.title)"
        if !s.filter.isEmpty { header += "  \(glyphs.separator) filter: \(s.filter)" }
        if s.mine { header += "  \(glyphs.separator) mine: \(s.user)" }
        header += "  \(glyphs.separator) as of \(s.today.iso)"
        let badge = s.readOnly ? " [RO] " : ""
        c.put(header, x: 0, y: 0, role: .header, maxWidth: w - Text.width(badge))
        if s.readOnly { c.put(badge, x: w - Text.width(badge), y: 0, role: .badge) }

        // Columns: the account name and the next item share what the fixed columns leave;
        // below 100 columns the segment and the next item give way (the detail bar still
        // names the next item) rather than squeeze the name away.
        let stripWidth = min(12, max(5, s.counts.checkpoints))
        let roomy = w >= 100
        let wide = w >= 150
        var cols: [(String, Column)] = [
            ("rag", Column(title: "RAG", width: 3)), ("stalled", Column(title: "S", width: 1)),
            ("changed", Column(title: "*", width: 1)),
            ("name", Column(title: "ACCOUNT", width: 0)), ("csm", Column(title: "CSM", width: roomy ? 15 : 11)),
        ]
        if w >= 112 { cols.append(("segment", Column(title: "SEGMENT", width: 10))) }
        cols += [
            ("stage", Column(title: "STAGE D/SLA", width: roomy ? 17 : 13)),
            (
                "strip",
                Column(
                    title: stripWidth >= 11 ? "CHECKPOINTS" : stripWidth >= 8 ? "CHECKPTS" : "CHKPT", width: stripWidth)
            ),
        ]
        cols += [
            ("next", Column(title: "NEXT DUE", width: 0)), ("golive", Column(title: "GO-LIVE", width: wide ? 15 : 10)),
            ("arr", Column(title: "ARR", width: 7, right: true)),
        ]
        var free = w - 1 - cols.reduce(0) { $0 + $1.1.width } - (cols.count - 1)
        var nameWidth = max(16, free * 9 / 20)
        if free - nameWidth < 16 {
            // Too narrow for a useful next-item column: the detail bar names it instead.
            cols.removeAll { $0.0 == "next" }
            free += 1
            nameWidth = max(10, free)
        }
        for i in cols.indices {
            if cols[i].0 == "name" { cols[i].1.width = nameWidth }
            if cols[i].0 == "next" { cols[i].1.width = free - nameWidth }
        }
        var x = 1
        var xs: [String: (Int, Int, Bool)] = [:]
        for (key, col) in cols {
            xs[key] = (x, col.width, col.right)
            c.put(
                col.title, x: col.right ? x + col.width - Text.width(col.title) : x, y: 1, role: .title,
                maxWidth: col.width)
            x += col.width + 1
        }

        let top = s.boardTop
        let height = s.boardListHeight
        if s.visible.isEmpty {
            c.put(
                s.filter.isEmpty && !s.mine
                    ? "no accounts in this store — `golive import FILE.csv` or `golive seed`" : "no account matches",
                x: 2, y: 3, role: .dim)
        }
        for (i, id) in s.visible.dropFirst(top).prefix(height).enumerated() {
            guard let r = s.rows[id] else { continue }
            let y = 2 + i
            let selected = id == s.selectedAccount
            func put(_ key: String, _ text: String, _ role: Role = .normal) {
                guard let (cx, cw, right) = xs[key] else { return }
                let t = Text.truncate(text, to: cw)
                c.put(t, x: right ? cx + cw - Text.width(t) : cx, y: y, role: role, maxWidth: cw)
            }
            put(
                "rag", r.completed ? glyphs.rag(.achieved) + " C" : ragGlyph(r.rag),
                r.completed ? .achieved : Role.rag(r.rag))
            if r.stall != nil { put("stalled", "S", .stalled) }
            if s.reviews[id]?.changedSinceMyReview == true { put("changed", "*", .changed) }
            // A row another instance just changed is marked for a moment.
            put("name", r.name, s.flash[id].map { $0 > s.now } == true ? .changed : r.completed ? .dim : .normal)
            put("csm", r.csm, .dim)
            put("segment", r.segment.title, .dim)
            if let (_, sw, _) = xs["stage"] {
                // The day counts matter more than the stage's full name.
                let days = r.completed ? "" : " \(r.daysInStage)/\(r.slaDays)"
                put(
                    "stage", Text.truncate(r.stageName, to: sw - Text.width(days)) + days,
                    !r.completed && r.daysInStage > r.slaDays ? .overdue : .normal)
            }
            if let (sx, sw, _) = xs["strip"] {
                for (j, st) in r.strip.prefix(sw).enumerated() {
                    c.put(stateGlyph(st), x: sx + j, y: y, role: Role.state(st), maxWidth: 1)
                }
            }
            if let t = r.nextTitle, let d = r.nextDue {
                let late = d < s.today
                let dateText = Renderer.short(d)
                put("next", "\(dateText) \(t)", late ? .overdue : .normal)
            }
            let days = r.goLive - s.today
            put(
                "golive",
                wide
                    ? "\(r.goLive.iso) \(Renderer.relative(days))"
                    : "\(Renderer.short(r.goLive)) \(Renderer.relative(days))",
                !r.completed && days < 0 ? .overdue : .normal)
            put("arr", Renderer.money(r.arr))
            if selected { c.restyle(y: y, highlighted: true) }
        }

        // The detail bar answers "why?" for the selected account.
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if let id = s.selectedAccount, let r = s.rows[id] {
            // The sentences need the whole account, which the session reads for the selection.
            let whole = s.accounts[id]
            let reasons = whole.map { $0.status(asOf: s.today).reasons.map(\.text) } ?? []
            let calm = whole == nil ? r.rag == .green : reasons.isEmpty
            var why =
                r.completed
                ? "\(r.name): onboarding completed"
                : calm
                    ? "\(r.name): every checkpoint on track"
                    : "why \(r.rag.rawValue): " + reasons.joined(separator: "; ")
            if xs["next"] == nil, let t = r.nextTitle, let d = r.nextDue {
                why = "next \(Renderer.short(d)) \(t) \(glyphs.separator) " + why
            }
            if let st = r.stall {
                let because = whole?.stall(asOf: s.today)?.reasons.map(\.text) ?? []
                why +=
                    "  \(glyphs.separator) stalled \(st.days)d, \(st.ballInCourt.phrase): "
                    + because.joined(separator: "; ")
            }
            if s.reviews[id]?.changedSinceMyReview == true {
                why = "* changed since your last review \(glyphs.separator) " + why
            }
            c.put(" " + why, x: 0, y: y, role: calm ? .detail : Role.rag(r.rag))
        }
    }

    // MARK: Account

    func account(_ s: AppState, _ c: inout Canvas) {
        guard let a = s.currentAccount else { return }
        let w = s.width
        let st = a.status(asOf: s.today)
        let stall = a.stall(asOf: s.today)
        // Line 0: who and where.
        c.fill(y: 0, role: .header)
        let days = a.goLive - s.today
        var head = " \(a.name)  \(glyphs.separator) \(a.segment.title) · \(Renderer.money(a.arr)) · CSM \(a.csm) · "
        head +=
            a.isActive
            ? "stage \(a.stage.name) \(a.daysInStage(asOf: s.today))/\(a.stage.slaDays) d"
            : "completed \(a.completedOn?.iso ?? "")"
        head += " · go-live \(a.goLive.iso) (\(Renderer.relative(days))) · playbook \(a.playbook)"
        let rag = " \(ragGlyph(st.rag)) " + (stall != nil ? "S " : "")
        let badge = s.readOnly ? "[RO] " : ""
        c.put(head, x: 0, y: 0, role: .header, maxWidth: w - Text.width(rag) - Text.width(badge))
        c.put(rag, x: w - Text.width(rag) - Text.width(badge), y: 0, role: Role.rag(st.rag))
        if s.readOnly { c.put(badge, x: w - Text.width(badge), y: 0, role: .badge) }

        // Line 1: the checkpoints, in order, with dates and states; the selected one highlighted.
        let selected = s.selectedCheckpoint(in: a)?.id
        let items = st.checkpoints.map { cs in
            (
                cs,
                "\(stateGlyph(cs.state)) \(cs.checkpoint.name) "
                    + Renderer.short(cs.checkpoint.achievedOn ?? cs.checkpoint.due)
                    + (cs.checkpoint.customerConfirms ? "*" : "")
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
                        + h.stakeholders.map { "\($0.name) (\($0.role.replacingOccurrences(of: "_", with: " ")))" }
                        .joined(separator: ", "),
            ].compactMap { $0 }.joined(separator: " · ")
        c.put(" " + handoff, x: 0, y: 3, role: .dim)

        // The three lanes: side by side when there is room, else one at a time with tabs.
        let focus = s.focus ?? AccountFocus(accountID: a.id)
        let top = 4
        let bottom = s.height - 3
        let sideBySide = w >= 100
        if sideBySide {
            let laneWidth = (w - 2) / 3
            for (i, lane) in Lane.allCases.enumerated() {
                let lx = i * (laneWidth + 1)
                laneColumn(s, a, lane, focused: lane == focus.lane, x: lx, y: top, width: laneWidth, bottom: bottom, &c)
                if i > 0 { for y in top...bottom { c.put(glyphs.separator, x: lx - 1, y: y, role: .dim) } }
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

        // The selected task in full: owner, due, status, what it waits on, where it leads.
        let y = s.height - 2
        c.fill(y: y, role: .detail)
        if let t = s.selectedTask(in: a) {
            var parts = [
                "\(t.title)", "owner \(t.owner)",
                "due \(t.due.iso)"
                    + (t.daysOverdue(asOf: s.today) > 0 ? " (overdue \(t.daysOverdue(asOf: s.today)) d)" : ""),
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
        let ownerWidth = width >= 60 ? 18 : width >= 36 ? 10 : 0
        for t in tasks.dropFirst(max(0, first)).prefix(capacity) {
            let overdue = t.daysOverdue(asOf: s.today) > 0
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

    // MARK: Help

    func help(_ s: AppState, _ c: inout Canvas) {
        let w = min(s.width - 4, 84)
        let h = s.height - 4
        let x0 = (s.width - w) / 2
        let y0 = 1
        for y in y0..<(y0 + h) { c.fill(x: x0, y: y, width: w, role: .normal) }
        c.fill(x: x0, y: y0, width: w, role: .header)
        c.put(
            " Keys — type to filter\(s.helpFilter.isEmpty ? "" : ": \(s.helpFilter)")", x: x0, y: y0, role: .header,
            maxWidth: w)
        let needle = s.helpFilter.lowercased()
        var lines: [(String, Role)] = []
        for scope in Scope.allCases {
            let matching = s.keys.bindings.filter { b in
                b.scope == scope
                    && (needle.isEmpty || b.description.lowercased().contains(needle)
                        || b.command.rawValue.contains(needle)
                        || b.keys.contains { $0.description.lowercased() == needle })
            }
            guard !matching.isEmpty else { continue }
            lines.append((scope.title, .title))
            for b in matching {
                let keys = b.keys.map(\.description).joined(separator: " ")
                lines.append(("  " + Text.pad(keys, to: 14) + b.description, .normal))
            }
        }
        lines += [
            ("", .normal), ("Prompts: Enter confirms, Esc cancels; in a date, + and - move a day.", .dim),
            ("Every change is saved at once with your name; u takes back your last one.", .dim),
        ]
        if lines.count <= 3 { lines.insert(("no key matches '\(s.helpFilter)'", .dim), at: 0) }
        let top = min(s.helpTop, max(0, lines.count - (h - 1)))
        for (i, (text, role)) in lines.dropFirst(top).prefix(h - 1).enumerated() {
            c.put(" " + text, x: x0, y: y0 + 1 + i, role: role, maxWidth: w)
        }
    }
}
