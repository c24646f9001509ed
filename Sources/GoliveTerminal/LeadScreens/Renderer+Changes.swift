import GoliveDomain
import GoliveIO

extension Renderer {
    /// What changed per account, worst first; the selected account's changes in full below.
    func changes(_ s: AppState, _ c: inout Canvas) {
        let list = s.changes
        let (red, amber) = (s.changesTurned.red, s.changesTurned.amber)
        guard let since = s.changesSince?.label else {
            header(s, "Changes", parts: [("reading what changed…", 0), ("as of \(s.today.iso)", 2)], &c)
            return
        }
        // While only the first lines are in, the counts wait for the whole list.
        let counted =
            s.changesPending
            ? [("first \(list.count) shown, reading the rest…", 0)]
            : [
                (plural(list.count, "account") + " changed", 0), ("\(red) turned red", 1),
                ("\(amber) turned amber", 1),
            ]
        let parts =
            counted + [
                (since, 0), (s.changesMine ? "\(s.user)'s accounts" : "every account", 3), ("as of \(s.today.iso)", 2),
            ]
        header(s, "Changes", parts: parts, &c)
        let w = s.width
        let nameW = max(14, min(28, w / 5))
        let ragW = 14
        let csmW = w >= 110 ? 16 : 0
        let stageW = w >= 140 ? 26 : 0
        let detailH = min(6, max(2, s.height / 5))
        // Only the lines on screen are made: a week at 100,000 accounts is 70,000 of them.
        func line(_ i: Int) -> (text: String, role: Role) {
            let ch = list[i]
            var cells = [
                ragGlyph(ch.ragNow), Text.pad(ch.turned != nil ? ch.ragText : "", to: ragW),
                Text.pad(ch.name, to: nameW),
            ]
            if csmW > 0 { cells.append(Text.pad(ch.csm, to: csmW)) }
            if stageW > 0 { cells.append(Text.pad(ch.stageText, to: stageW)) }
            cells.append(ch.lines.joined(separator: "; "))
            return (" " + cells.joined(separator: " "), ch.ragChanged && ch.ragNow == .red ? .ragRed : .normal)
        }
        let height = s.height - 3 - detailH
        if list.isEmpty {
            _ = self.list([("  nothing changed \(since)", .dim, false)], top: 0, y0: 1, height: height, &c)
        } else {
            self.list(count: list.count, selected: s.changesIndex, top: 0, y0: 1, height: height, line: line, &c)
        }
        let y0 = s.height - 2 - detailH
        for y in y0..<(s.height - 2) { c.fill(y: y, role: .detail) }
        guard s.changesIndex < list.count else { return }
        let ch = list[s.changesIndex]
        let sep = " \(glyphs.separator) "
        let facts =
            [ch.name, ch.csm] + (w >= 120 ? [ch.segment.title, Renderer.money(ch.arr)] : [])
            + ["stage \(ch.stageText)", plural(ch.events, "change") + " recorded"]
        c.put(" " + facts.joined(separator: sep), x: 0, y: y0, role: .title)
        // Each change wrapped under a dash; what does not fit says where the rest is.
        var shown: [String] = []
        for line in ch.lines {
            for (k, part) in Text.wrap(line, to: max(20, w - 6)).enumerated() {
                shown.append((k == 0 ? " - " : "   ") + part)
            }
        }
        let room = detailH - 1
        if shown.count > room {
            shown = Array(shown.prefix(room - 1)) + ["   … more with i (every reason) or Enter (the account)"]
        }
        for (k, line) in shown.enumerated() { c.put("  " + line, x: 0, y: y0 + 1 + k, role: .detail) }
    }
}
