import GoliveDomain
import GoliveIO

extension Renderer {
    func stalled(_ s: AppState, _ c: inout Canvas) {
        let groups = s.stalledGroups()
        let total = groups.reduce(0) { $0 + $1.rows.count }
        let arr = groups.map { $0.rows.map(\.arr).saturatingSum() }.saturatingSum()
        let accounts = total == 1 ? "account" : "accounts"
        let parts = [
            ("\(total) stalled \(accounts)", 0), ("\(Renderer.money(arr)) ARR at stake", 1),
            ("by CSM, most ARR first", 3), ("as of \(s.today.iso)", 2),
        ]
        header(s, "Stalled review", parts: parts, &c)
        let w = s.width
        // Below 70 columns the name, court and stage give up a few columns each, so that the
        // ARR and the colour stay whole (the reasons are in the bar below).
        let narrow = w < 70
        let nameW = narrow ? 11 : max(14, min(28, w / 5))
        let courtW = narrow ? 14 : 16
        let stageW = w >= 100 ? 17 : (narrow ? 12 : 13)
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
            let garr = g.rows.map(\.arr).saturatingSum()
            lines.append(("\(g.csm) — \(g.rows.count) stalled · \(Renderer.money(garr)) at stake", .title, false))
            for r in g.rows {
                guard let st = r.stall else { continue }
                let reasons = s.accounts[r.id]?.stall(asOf: s.today)?.reasons.map(\.text) ?? []
                let review =
                    s.reviews[r.id].flatMap { info in
                        info.lastReviewAt.map { "\(Timestamp.relative($0, now: s.now)) \(info.lastReviewBy ?? "")" }
                    } ?? "never"
                let days = "\(r.daysInStage)/\(r.slaDays)"
                // A follow-up due leads the reasons: it is what the lead asked to hear about.
                let followUp = s.reviews[r.id].flatMap { info -> String? in
                    guard let d = info.followUp.flatMap(Day.init(iso:)), d <= s.today else { return nil }
                    return "follow-up due \(Renderer.short(d)): \(info.nextStep ?? "")"
                }
                let text = row(
                    [
                        ("", 1, false), (r.name, nameW, false), (st.ballInCourt.title, courtW, false),
                        ("\(st.days)", 4, true),
                        (Text.truncate(r.stageName, to: stageW - days.count - 1) + " " + days, stageW, false),
                        (Renderer.money(r.arr), 7, true),
                        (ragGlyph(r.rag), 3, false),
                    ] + (reviewW > 0 ? [(review, reviewW, false)] : [])
                        + [(([followUp].compactMap { $0 } + reasons).joined(separator: "; "), 200, false)])
                lines.append((text, r.rag == .red ? .ragRed : .normal, r.id == s.stalledSelected))
            }
        }
        if lines.isEmpty {
            lines.append(("  no stalled onboardings — nothing waits longer than its playbook allows", .dim, false))
        }
        // A key bar of two lines takes a row from the list.
        let bar = keyBarLines(s).count
        list(lines, top: 0, y0: 2, height: s.height - 3 - bar, &c)
        let y = s.height - 1 - bar
        c.fill(y: y, role: .detail)
        if let id = s.stalledSelected, let r = s.rows[id], let st = r.stall {
            let reasons = s.accounts[id]?.stall(asOf: s.today)?.reasons.map(\.text) ?? []
            c.put(
                " \(r.name): \(st.ballInCourt.phrase) for \(st.days) d \(glyphs.separator) "
                    + reasons.joined(separator: "; "),
                x: 0, y: y, role: .detail)
        }
    }
}
