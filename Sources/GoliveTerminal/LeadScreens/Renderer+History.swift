import GoliveDomain
import GoliveIO

extension Renderer {
    func history(_ s: AppState, _ c: inout Canvas) {
        guard case .history(let id) = s.screen, let a = s.accounts[id] else { return }
        header(s, "History — \(a.name)  \(glyphs.separator) \(plural(s.history.count, "change")), newest first", &c)
        let whoW = 16
        let lines = s.history.flatMap { e -> [(text: String, role: Role, selected: Bool)] in
            // Events are kept in UTC; a person reads their own clock.
            let when = Timestamp.date(of: e.at).map { Timestamp.local($0) } ?? e.at
            let lead = " \(when)  \(Text.pad(e.who, to: whoW))  "
            let role: Role = e.kind == "undo" || e.kind == "redo" ? .dim : .normal
            // Wrapped under its own column, never cut: a change is read in full.
            let words = Text.wrap(e.words(in: a), to: max(20, s.width - Text.width(lead) - 1))
            return words.enumerated().map { i, part in
                ((i == 0 ? lead : String(repeating: " ", count: Text.width(lead))) + part, role, false)
            }
        }
        list(
            lines.isEmpty ? [("  no changes recorded", .dim, false)] : lines, top: s.historyTop, y0: 1,
            height: s.height - 2, &c)
    }
}
