import GoliveDomain

extension Renderer {
    /// Every reason behind an account's colour and stall, one a line: the board and the
    /// account screen have room for the first few only.
    func why(_ s: AppState, _ c: inout Canvas) {
        guard let id = s.whyAccount else { return }
        guard let a = s.accounts[id] else {
            box("why", [("reading the account…", .dim)], top: 0, s, &c)
            return
        }
        let rag = a.status(asOf: s.today).rag
        box(
            "why \(rag.rawValue) — \(a.name)  (j/k scroll, Esc closes)", whyLines(a, s), top: s.whyTop, maxWidth: 120,
            s, &c)
    }

    /// The why box's lines: the account's reasons, each wrapped to the box.
    func whyLines(_ a: Account, _ s: AppState) -> [(text: String, role: Role)] {
        let room = min(s.width, 120) - 4
        var lines: [(text: String, role: Role)] = []
        // The go-live first: when the work says it will be, and what sets that.
        var lead = a.goLiveForecastWords(asOf: s.today).map { [(text: $0, role: Role.rag(.amber))] } ?? []
        // On hold, what follows is the account as it stood on the hold's first day.
        if let h = a.currentHold, s.today >= h.from {
            let line =
                "on hold since \(h.from.iso) (\(h.reason)), resume expected \(h.expectedResume.iso): as on \(h.from.iso)"
            lead.insert((text: line, role: .dim), at: 0)
        }
        for reason in lead + Renderer.reasonLines(of: a, today: s.today) {
            // Wrapped, never cut: this is where a reason is read in full.
            for (i, part) in Text.wrap(reason.text, to: room - 2).enumerated() {
                lines.append(((i == 0 ? "" : "  ") + part, reason.role))
            }
        }
        if lines.isEmpty { lines = [("every checkpoint on track; not stalled", .dim)] }
        return lines
    }
}
