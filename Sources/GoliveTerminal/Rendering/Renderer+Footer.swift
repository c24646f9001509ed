import GoliveDomain
import GoliveIO

extension Renderer {
    func footer(_ s: AppState, _ c: inout Canvas) {
        let y = s.height - 1
        c.fill(y: y, role: .footer)
        // A bar of two lines keeps its first above a question or a message.
        let bar = keyBarLines(s)
        if bar.count > 1 && (s.prompt != nil || s.status != nil) {
            c.fill(y: y - 1, role: .footer)
            c.put(bar[0], x: 0, y: y - 1, role: .footer)
        }
        if let p = s.prompt {
            promptLine(p, s, &c)
            return
        }
        if let st = s.status {
            statusLines(st, s, &c)
            return
        }
        // The bar's last line here; a first line, where the screen takes two, above it.
        for (i, line) in bar.enumerated() {
            c.fill(y: y - bar.count + 1 + i, role: .footer)
            c.put(line, x: 0, y: y - bar.count + 1 + i, role: .footer)
        }
        if s.helpOpen { c.put(" type to filter · Esc closes", x: 0, y: y, role: .footer) }
        if s.whyAccount != nil { c.put(" j/k scroll · g/G top/bottom · Esc closes", x: 0, y: y, role: .footer) }
        if s.messagesOpen { c.put(" j/k scroll · Esc closes", x: 0, y: y, role: .footer) }
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
}
