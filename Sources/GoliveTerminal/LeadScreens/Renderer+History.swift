import GoliveDomain
import GoliveIO

extension Renderer {
    func history(_ s: AppState, _ c: inout Canvas) {
        guard case .history(let id) = s.screen, let a = s.accounts[id] else { return }
        header(s, "History — \(a.name)  \(glyphs.separator) \(s.history.count) changes, newest first", &c)
        let whoW = 16
        let lines = s.history.map { e -> (text: String, role: Role, selected: Bool) in
            // Events are kept in UTC; a person reads their own clock.
            let when = Timestamp.date(of: e.at).map { Timestamp.local($0) } ?? e.at
            return (
                " \(when)  \(Text.pad(e.who, to: whoW))  \(e.words(in: a))",
                e.kind == "undo" || e.kind == "redo" ? .dim : .normal, false
            )
        }
        list(
            lines.isEmpty ? [("  no changes recorded", .dim, false)] : lines, top: s.historyTop, y0: 1,
            height: s.height - 2, &c)
    }
}
