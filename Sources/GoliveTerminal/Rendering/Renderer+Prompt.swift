import GoliveDomain
import GoliveIO

extension Renderer {
    /// The question line: the question, the answer with its cursor and, for a date, the day
    /// the answer means; a hint (why the last answer was not taken) on the line above.
    func promptLine(_ p: Prompt, _ s: AppState, _ c: inout Canvas) {
        let y = s.height - 1
        c.fill(y: y, role: .prompt)
        // The hint has lines of its own (four at most, above the question): it never hides
        // what is asked or what was typed. `@` keeps it whole.
        if let problem = p.problem {
            above(problem, role: .statusError, y: y, s, &c)
        }
        let meaning = p.meaning(today: s.today) ?? ""
        let meaningWidth = Text.width(meaning)
        let label = p.label + ": "
        // The answer and the day it means stay whole: the question gives way first, keeping
        // a third of the line (a few columns beside a date) once the answer is long.
        let labelRoom = s.width - Text.width(p.text) - 1 - meaningWidth
        let least = min(Text.width(label), meaning.isEmpty ? s.width / 3 : 8)
        let labelWidth = min(Text.width(label), max(labelRoom, least))
        // A question cut short still ends in ": ", so it never runs into the answer.
        let shown = labelWidth < Text.width(label) ? Text.truncate(p.label, to: labelWidth - 2) + ": " : label
        // A question cut short is said whole above it, unless a hint is there.
        if shown != label && p.problem == nil {
            above(p.label, role: .prompt, y: y, s, &c)
        }
        var x = c.put(shown, x: 0, y: y, role: .prompt)
        x += answer(p, x: x, y: y, room: s.width - x - meaningWidth, &c)
        if !meaning.isEmpty {
            let understood = p.meantDay(today: s.today) != nil
            c.put(meaning, x: x, y: y, role: understood ? .dim : .statusError)
        }
    }

    /// `text` on the lines just above the question line, wrapped to four at most.
    func above(_ text: String, role: Role, y: Int, _ s: AppState, _ c: inout Canvas) {
        let room = max(1, s.width - 2)
        var lines = Text.wrap(text, to: room)
        let most = 4
        if lines.count > most {
            // What does not fit ends in "…" (a hint is whole in `@`).
            lines = Array(lines[..<(most - 1)]) + [Text.truncate(lines[(most - 1)...].joined(separator: " "), to: room)]
        }
        for (i, line) in lines.enumerated() {
            let row = y - lines.count + i
            guard row >= 0 else { continue }
            c.fill(y: row, role: role)
            c.put(" " + line, x: 0, y: row, role: role)
        }
    }

    /// The answer with the cursor (▏) where typing goes, the cursor kept in view; a selected
    /// answer, which the first key typed replaces, is drawn as selected.
    func answer(_ p: Prompt, x: Int, y: Int, room: Int, _ c: inout Canvas) -> Int {
        guard room > 0 else { return 0 }
        let at = p.text.index(p.text.startIndex, offsetBy: p.caret)
        let before = String(p.text[..<at])
        let after = String(p.text[at...])
        // Text after the cursor gives way first, but keeps up to half the room in view.
        let afterKept = min(Text.width(after), (room - 1) / 2)
        let shownBefore = Text.tail(before, to: room - 1 - afterKept)
        let role: Role = p.selected ? .selection : .normal
        var used = c.put(shownBefore, x: x, y: y, role: role)
        used += c.put("▏", x: x + used, y: y, role: .normal)
        used += c.put(Text.truncate(after, to: room - used), x: x + used, y: y, role: role)
        return used
    }
}
