import GoliveDomain
import GoliveIO

extension Renderer {
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
