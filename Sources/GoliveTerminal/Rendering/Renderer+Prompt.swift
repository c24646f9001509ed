import GoliveDomain
import GoliveIO

extension Renderer {
    /// The question line: the question, the answer with its cursor and, for a date, the day
    /// the answer means; a hint (why the last answer was not taken) on the line above.
    func promptLine(_ p: Prompt, _ s: AppState, _ c: inout Canvas) {
        let y = s.height - 1
        c.fill(y: y, role: .prompt)
        // The hint has a line of its own: it never hides what is asked or what was typed.
        if let problem = p.problem, y > 0 {
            c.fill(y: y - 1, role: .statusError)
            c.put(" " + problem, x: 0, y: y - 1, role: .statusError)
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
        var x = c.put(shown, x: 0, y: y, role: .prompt)
        x += answer(p, x: x, y: y, room: s.width - x - meaningWidth, &c)
        if !meaning.isEmpty {
            let understood = p.meantDay(today: s.today) != nil
            c.put(meaning, x: x, y: y, role: understood ? .dim : .statusError)
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
