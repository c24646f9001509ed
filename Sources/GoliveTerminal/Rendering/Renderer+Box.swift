import GoliveDomain

extension Renderer {
    /// An overlay with a border and a title over the middle of the screen, showing `lines`
    /// from `top` (clamped so the last page stays full). Returns the clamped top.
    @discardableResult
    func box(
        _ title: String, _ lines: [(text: String, role: Role)], top: Int, maxWidth: Int = 84, _ s: AppState,
        _ c: inout Canvas
    ) -> Int {
        let w = min(s.width, maxWidth)
        let h = s.height - 2
        let x0 = (s.width - w) / 2
        let y0 = 0
        let (h1, v, tl, tr, bl, br) =
            glyphs.unicode ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        for y in y0..<(y0 + h) { c.fill(x: x0, y: y, width: w, role: .normal) }
        c.put(tl + String(repeating: h1, count: w - 2) + tr, x: x0, y: y0, role: .dim)
        c.put(" \(title) ", x: x0 + 2, y: y0, role: .title, maxWidth: w - 4)
        for y in (y0 + 1)..<(y0 + h - 1) {
            c.put(v, x: x0, y: y, role: .dim)
            c.put(v, x: x0 + w - 1, y: y, role: .dim)
        }
        c.put(bl + String(repeating: h1, count: w - 2) + br, x: x0, y: y0 + h - 1, role: .dim)
        let room = h - 2
        let first = max(0, min(top, lines.count - room))
        for (i, line) in lines.dropFirst(first).prefix(room).enumerated() {
            c.put(" " + line.text, x: x0 + 1, y: y0 + 1 + i, role: line.role, maxWidth: w - 2)
        }
        if lines.count > room {
            let more = "\(first + 1)–\(min(lines.count, first + room)) of \(lines.count)"
            c.put(" \(more) ", x: x0 + w - 2 - Text.width(more) - 2, y: y0 + h - 1, role: .dim)
        }
        return first
    }
}
