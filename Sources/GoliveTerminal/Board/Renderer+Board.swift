import GoliveDomain
import GoliveIO

extension Renderer {
    /// The board's columns in the order they give way on a narrow screen, the least needed
    /// first: the next item (the detail bar names it), the segment, the checkpoint strip
    /// (the colour sums it up), the CSM, the ARR, then the stage and its days.
    static let boardColumnsGivingWay = ["next", "segment", "strip", "csm", "arr", "stage"]
    /// The account name's least width before a column gives way to it.
    static let boardNameLeast = 12

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
        func short(_ rag: RAG) -> String { "\(ragGlyph(rag).prefix(1))\(counts[rag] ?? 0)" }
        let sep = "  \(glyphs.separator) "
        // What the list is showing is never cut: the sort, the filter and "mine" stay, and
        // the counts shorten, then the title and the date go, on a narrow screen.
        var shown = ["sort: \(s.sort.title)\(s.sortReversed ? " (reversed)" : "")"]
        // Which CSMs a `csm:` stands for, since it may be a short form.
        if !s.filter.isEmpty { shown.append("filter: \(s.filter)" + (s.filterCSMs.map { " (\($0))" } ?? "")) }
        if s.mine { shown.append("mine: \(s.user)") }
        let indicators = shown.joined(separator: sep)
        let asOf = sep + "as of \(s.today.iso)"
        // Accounts on hold show the hold, not a colour: counted apart, when there are any.
        let held = s.counts.held
        let full =
            "\(count(.red))  \(count(.amber))  \(count(.green))  "
            + (held > 0 ? "\(glyphs.hold) \(held) on hold  " : "") + "S \(stalled) stalled  "
            + "\(plural(s.visible.count, "account")) (\(open) active)"
        let compact =
            "\(short(.red)) \(short(.amber)) \(short(.green)) " + (held > 0 ? "\(glyphs.hold)\(held) " : "")
            + " S\(stalled)  \(plural(s.visible.count, "account"))"
        let badge = s.badge.map { " \($0) " } ?? ""
        let room = w - Text.width(badge)
        let layouts = [
            " golive  " + full + sep + indicators + asOf, " golive  " + full + sep + indicators,
            " " + compact + sep + indicators + asOf, " " + compact + sep + indicators, " " + indicators,
        ]
        let header = layouts.first { Text.width($0) <= room } ?? " " + indicators
        c.put(header, x: 0, y: 0, role: .header, maxWidth: room)
        if !badge.isEmpty { c.put(badge, x: w - Text.width(badge), y: 0, role: .badge) }

        // Columns: the account name and the next item share what the fixed columns leave;
        // below 100 columns the segment and the next item give way (the detail bar still
        // names the next item) rather than squeeze the name away.
        let stripWidth = min(12, max(5, s.counts.checkpoints))
        let roomy = w >= 100
        let wide = w >= 150
        var cols: [(String, Column)] = [
            ("rag", Column(title: "RAG", width: 3)), ("stalled", Column(title: "S", width: 1)),
            ("escalated", Column(title: glyphs.escalated, width: 1)), ("changed", Column(title: "*", width: 1)),
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
            ("next", Column(title: "NEXT DUE", width: 0)), ("golive", Column(title: "GO-LIVE", width: wide ? 17 : 12)),
            ("arr", Column(title: "ARR", width: 7, right: true)),
        ]
        var free = w - 1 - cols.reduce(0) { $0 + $1.1.width } - (cols.count - 1)
        var nameWidth = max(16, free * 9 / 20)
        if free - nameWidth < 16 {
            // Too narrow for a useful next-item column: the detail bar names it instead.
            cols.removeAll { $0.0 == "next" }
            free += 1
            nameWidth = free
        }
        // Narrower still, whole columns give way, the least needed first, so the name keeps
        // room to be read and no column is cut short: a date is never cut. The marks, the
        // name and the go-live always stay.
        for key in Renderer.boardColumnsGivingWay where nameWidth < Renderer.boardNameLeast {
            guard let i = cols.firstIndex(where: { $0.0 == key }) else { continue }
            nameWidth += cols[i].1.width + 1
            free = nameWidth
            cols.remove(at: i)
        }
        for i in cols.indices {
            if cols[i].0 == "name" { cols[i].1.width = nameWidth }
            if cols[i].0 == "next" { cols[i].1.width = free - nameWidth }
        }
        let sortedColumn: String
        switch s.sort {
        case .worstFirst: sortedColumn = "rag"
        case .goLive, .slip: sortedColumn = "golive"
        case .daysInStage: sortedColumn = "stage"
        case .arr: sortedColumn = "arr"
        case .name: sortedColumn = "name"
        }
        var x = 1
        var xs: [String: (Int, Int, Bool)] = [:]
        for (key, col) in cols {
            xs[key] = (x, col.width, col.right)
            let title = key == sortedColumn ? col.title + glyphs.sorted(reversed: s.sortReversed) : col.title
            // A title may take the gap after its column for the sort mark ("RAG▾").
            c.put(
                title, x: col.right ? x + col.width - Text.width(title) : x, y: 1, role: .title,
                maxWidth: col.right ? col.width : col.width + 1)
            x += col.width + 1
        }

        let top = s.boardTop
        let height = s.boardListHeight
        if s.visible.isEmpty {
            let problems = BoardFilter(s.filter).problems
            let empty =
                !problems.isEmpty
                ? problems.joined(separator: "; ")
                : s.filter.isEmpty && !s.mine
                    ? "no accounts in this store — `golive import FILE.csv` or `golive seed`" : "no account matches"
            c.put(empty, x: 2, y: 3, role: problems.isEmpty ? .dim : .statusError)
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
            if r.completed {
                put("rag", glyphs.rag(.achieved) + " C", .achieved)
            } else if r.heldSince != nil {
                // The hold instead of a colour (which stands as on the hold's first day);
                // amber once the hold is past its expected resume and needs a word.
                let overdue = r.holdResume.map { s.today > $0 } ?? false
                put("rag", glyphs.hold + " H", overdue ? .ragAmber : .dim)
            } else {
                put("rag", ragGlyph(r.rag), Role.rag(r.rag))
            }
            if r.stall != nil { put("stalled", "S", .stalled) }
            if r.escalated { put("escalated", glyphs.escalated, .ragRed) }
            if s.reviews[id]?.changedSinceMyReview == true { put("changed", "*", .changed) }
            // A row another instance just changed is marked for a moment.
            put("name", r.name, s.flash[id].map { $0 > s.now } == true ? .changed : r.completed ? .dim : .normal)
            put("csm", r.csm, .dim)
            put("segment", r.segment.title, .dim)
            if let (_, sw, _) = xs["stage"] {
                // The day counts matter more than the stage's full name.
                // On hold the clock stands still: HOLD says so where the days would run.
                let days = r.completed ? "" : r.heldSince != nil ? " HOLD" : " \(r.daysInStage)/\(r.slaDays)"
                put(
                    "stage", Text.truncate(r.stageName, to: sw - Text.width(days)) + days,
                    r.heldSince != nil ? .dim : !r.completed && r.daysInStage > r.slaDays ? .overdue : .normal)
            }
            if let (sx, sw, _) = xs["strip"] {
                for (j, st) in r.strip.prefix(sw).enumerated() {
                    c.put(stateGlyph(st), x: sx + j, y: y, role: Role.state(st), maxWidth: 1)
                }
            }
            if let t = r.nextTitle, let d = r.nextDue {
                // On hold the clock stands on the hold's first day.
                let late = d < min(s.today, r.heldSince ?? s.today)
                let dateText = Renderer.short(d)
                put("next", "\(dateText) \(t)", late ? .overdue : .normal)
            }
            let days = r.goLive - s.today
            if let live = r.goLiveAchieved {
                // Live: when it happened, not how late a date already met is.
                let mark = glyphs.rag(.achieved)
                put("golive", "\(mark) " + (wide ? live.iso : Renderer.short(live)), .achieved)
            } else if !r.completed && r.goLiveForecast > r.goLive {
                // The forecast where the schedule puts it later than the target: the row
                // says how late, the why box (i) what sets it.
                put(
                    "golive",
                    (wide ? r.goLive.iso : Renderer.short(r.goLive)) + " \(glyphs.forecastArrow)"
                        + Renderer.short(r.goLiveForecast), days < 0 ? .overdue : .ragAmber)
            } else {
                put(
                    "golive",
                    wide
                        ? "\(r.goLive.iso) \(Renderer.relative(days))"
                        : "\(Renderer.short(r.goLive)) \(Renderer.relative(days))",
                    !r.completed && days < 0 ? .overdue : .normal)
            }
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
            if r.goLiveMoves > 0 && r.goLiveAchieved == nil {
                why =
                    "go-live \(Renderer.slip(r.goLiveSlip, moves: r.goLiveMoves).dropFirst(2)) \(glyphs.separator) "
                    + why
            }
            if let since = r.heldSince {
                let until = r.holdResume.map { ", resume expected \(Renderer.short($0))" } ?? ""
                why = "on hold since \(Renderer.short(since))\(until) \(glyphs.separator) " + why
            }
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
}
