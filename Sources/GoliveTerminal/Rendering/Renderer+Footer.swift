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
            c.fill(y: y, role: .prompt)
            var x = 0
            if let problem = p.problem {
                x += c.put(problem + " ", x: 0, y: y, role: .statusError, maxWidth: s.width / 3)
            }
            // The question gives way to the answer being typed: once the answer is long the
            // label keeps a third of the line, and the answer shows its end with the cursor.
            let label = p.label + ": "
            let room = s.width - x
            let labelWidth = max(min(Text.width(label), room - Text.width(p.text) - 1), room / 3)
            x += c.put(Text.truncate(label, to: labelWidth), x: x, y: y, role: .prompt)
            x += c.put(Text.tail(p.text, to: s.width - x - 1) + "▏", x: x, y: y, role: .normal)
            // A typed date shows the day it means before it is answered.
            if p.purpose.asksForADate && !p.text.isEmpty {
                let meant = Day(typed: p.text, today: s.today)
                let hint = meant.map { " = \($0.iso) \($0.weekdayName)" } ?? " (not a date yet)"
                c.put(hint, x: x, y: y, role: meant == nil ? .statusError : .dim)
            }
            return
        }
        if let st = s.status {
            c.put(" " + st.text, x: 0, y: y, role: st.isError ? .statusError : .statusOK)
            return
        }
        // The bar's last line here; a first line, where the screen takes two, above it.
        for (i, line) in bar.enumerated() {
            c.fill(y: y - bar.count + 1 + i, role: .footer)
            c.put(line, x: 0, y: y - bar.count + 1 + i, role: .footer)
        }
        if s.helpOpen { c.put(" type to filter · Esc closes", x: 0, y: y, role: .footer) }
        if s.whyAccount != nil { c.put(" j/k scroll · g/G top/bottom · Esc closes", x: 0, y: y, role: .footer) }
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
