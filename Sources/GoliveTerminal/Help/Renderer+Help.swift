import GoliveDomain
import GoliveIO

extension Renderer {
    /// The help overlay's widest box.
    static let helpWidth = 84

    func help(_ s: AppState, _ c: inout Canvas) {
        let title = "Keys — type to filter" + (s.helpFilter.isEmpty ? "" : ": \(s.helpFilter)")
        box(title, helpLines(s), top: s.helpTop, maxWidth: Renderer.helpWidth, s, &c)
    }

    /// The help overlay's lines: the keys of every screen (those the filter matches), the marks.
    func helpLines(_ s: AppState) -> [(text: String, role: Role)] {
        let needle = s.helpFilter.lowercased()
        var lines: [(text: String, role: Role)] = []
        // The keys of the screen it was opened on first, then those that work everywhere.
        let here = s.screen.scope
        let order = [here, .everywhere] + Scope.allCases.filter { $0 != here && $0 != .everywhere }
        for scope in order {
            let matching = s.keys.bindings.filter { b in
                b.scope == scope
                    && (needle.isEmpty || b.description.lowercased().contains(needle)
                        || b.command.rawValue.contains(needle)
                        || b.keys.contains { $0.description.lowercased() == needle })
            }
            guard !matching.isEmpty else { continue }
            lines.append((scope.title, .title))
            // A description wider than the box goes on under its own column, never cut.
            let room = max(20, min(s.width, Renderer.helpWidth) - 3 - 16)
            for b in matching {
                let keys = b.keys.map(\.description).joined(separator: " ")
                for (i, part) in Text.wrap(b.description, to: room).enumerated() {
                    lines.append(
                        ((i == 0 ? "  " + Text.pad(keys, to: 14) : String(repeating: " ", count: 16)) + part, .normal))
                }
            }
        }
        if lines.isEmpty { lines.append(("no key matches '\(s.helpFilter)'", .dim)) }
        if needle.isEmpty { lines += legend }
        lines.append(("", .normal))
        for part in Text.wrap(Renderer.questionKeys, to: min(s.width, Renderer.helpWidth) - 3) {
            lines.append((part, .dim))
        }
        lines += [
            ("Every change is saved at once with your name; u takes it back, Ctrl-R redoes.", .dim),
            ("↑/↓, PgUp/PgDn, Home/End scroll here; Alt+key, Insert and F-keys do nothing.", .dim),
        ]
        return lines
    }

    /// The keys of the question line, which are not commands of the key table.
    static let questionKeys =
        "Questions: Enter answers, Esc or Ctrl-C cancels. An answer a question opens with is selected: "
        + "typing replaces it; ← → Home End (Ctrl-A Ctrl-E) move the cursor, Backspace and Delete erase, "
        + "Ctrl-U clears. In a date, +7 counts from the date being moved (new days: from today); "
        + "+ and - move a day."

    /// Every glyph and mark the screens use, in words.
    var legend: [(text: String, role: Role)] {
        let g = glyphs
        let marks: [(String, String, Role)] = [
            (g.rag(.achieved), "checkpoint achieved (on GO-LIVE: live since that day)", .achieved),
            (g.rag(.green), "on track (green)", .ragGreen), (g.rag(.amber), "at risk (amber)", .ragAmber),
            (g.rag(.red), "off track (red)", .ragRed), ("R A G C", "the account's colour, C when completed", .normal),
            (g.hold + " H", "on hold, instead of its colour (amber: past the expected resume)", .dim),
            ("S", "stalled", .stalled), (g.escalated, "escalated", .ragRed),
            ("*", "changed since your last review", .changed),
            ("*", "after a checkpoint: the customer confirms it", .normal),
            ("(+5)", "after a checkpoint: days from its first plan", .normal),
            ("HOLD", "on hold: no clock runs (stage days, overdue, waiting, pending)", .dim),
            (g.sorted(reversed: false) + " " + g.sorted(reversed: true), "the sorted column, and which way", .normal),
            ("[RO]", "read-only, or the store file is gone: no changes", .badge),
            ("[offline]", "the team store does not answer: reconnecting", .badge),
            ("[ ] [~] [w]", "open, in progress, waiting (on the customer)", .normal),
            ("[b] [x] [-]", "blocked, done, skipped", .normal),
            ("[?] [x] [r]", "approval pending, approved, rejected", .normal),
            (g.arrow, "waits on another task", .normal),
            (g.critical, "timeline: on the critical path to the go-live", .timelineCritical),
            (
                "\(g.plannedBar) \(g.criticalBar)", "timeline: planned work (\(g.criticalBar) on the critical path)",
                .normal
            ),
            (g.slipBar, "timeline: the slip, from the due date to the forecast", .ragAmber),
            ("\(g.baseline)\(g.moved)\(g.moved)", "timeline: the first plan, where a date moved", .dim),
            ("\(g.todayLine) \(g.todayMark)", "timeline: today", .timelineToday),
            ("\(g.earlier) \(g.later)", "timeline: work before or after the days in view", .dim),
        ]
        return [("Marks", .title)] + marks.map { ("  " + Text.pad($0.0, to: 14) + $0.1, $0.2) }
    }
}
