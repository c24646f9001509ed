import GoliveDomain
import GoliveIO

extension Renderer {
    /// The status line: one line, or two when the message is longer; one longer still ends
    /// by naming the key that shows it whole.
    func statusLines(_ st: StatusLine, _ s: AppState, _ c: inout Canvas) {
        let y = s.height - 1
        let role: Role = st.isError ? .statusError : .statusOK
        let room = s.width - 1
        guard Text.width(st.text) > room, y > 0 else {
            c.put(" " + st.text, x: 0, y: y, role: role)
            return
        }
        let parts = Text.wrap(st.text, to: room)
        var second = parts.dropFirst().joined(separator: " ")
        if Text.width(second) > room {
            let key = s.keys.keys(for: .messages).first.map { " (\($0.description) shows it whole)" } ?? ""
            second = Text.truncate(second, to: room - Text.width(key)) + key
        }
        c.fill(y: y - 1, role: .footer)
        c.put(" " + (parts.first ?? ""), x: 0, y: y - 1, role: role)
        c.put(" " + second, x: 0, y: y, role: role)
    }

    /// The session's status messages, newest first, each wrapped whole.
    func messages(_ s: AppState, _ c: inout Canvas) {
        let room = min(s.width, 120) - 4
        var lines: [(text: String, role: Role)] = []
        for m in s.messages.reversed() {
            for (i, part) in Text.wrap(m.text, to: room - 2).enumerated() {
                lines.append(((i == 0 ? "" : "  ") + part, m.isError ? .statusError : .normal))
            }
        }
        if lines.isEmpty { lines = [("no message yet in this session", .dim)] }
        box("messages, newest first  (j/k scroll, Esc closes)", lines, top: s.messagesTop, maxWidth: 120, s, &c)
    }
}
