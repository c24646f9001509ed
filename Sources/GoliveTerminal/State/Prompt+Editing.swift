import Foundation

/// The answer edited as a one-line field: a cursor, and a selection the question opens with.
extension Prompt {
    /// Answers longer than this are not taken (a paste of a whole document, say).
    static let longestAnswer = 500

    /// The cursor, kept within the answer when the answer was set from elsewhere.
    var caret: Int { max(0, min(cursor, text.count)) }

    /// A typed character: it replaces a selected answer, and goes in at the cursor otherwise.
    mutating func insert(_ c: Character) {
        if selected { clear() }
        guard text.count < Prompt.longestAnswer else { return }
        let at = caret
        text.insert(c, at: text.index(text.startIndex, offsetBy: at))
        cursor = at + 1
    }

    /// Backspace: the character before the cursor, or the whole selected answer.
    mutating func deleteBackward() {
        if selected { return clear() }
        let at = caret
        guard at > 0 else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: at - 1))
        cursor = at - 1
    }

    /// Delete: the character at the cursor, or the whole selected answer.
    mutating func deleteForward() {
        if selected { return clear() }
        let at = caret
        guard at < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: at))
        cursor = at
    }

    /// ← and →: a selection gives way to a cursor at its start or end, as in a field.
    mutating func moveCursor(by step: Int) {
        if selected {
            selected = false
            cursor = step < 0 ? 0 : text.count
            return
        }
        cursor = max(0, min(text.count, caret + step))
    }

    /// Home (Ctrl-A) and End (Ctrl-E).
    mutating func moveCursor(toEnd: Bool) {
        selected = false
        cursor = toEnd ? text.count : 0
    }

    /// Ctrl-U, or typing over a selected answer.
    mutating func clear() {
        text = ""
        cursor = 0
        selected = false
    }

    /// An answer put in whole (a completed name, a date moved a day): the cursor at its end.
    mutating func replace(with answer: String) {
        text = answer
        cursor = answer.count
    }
}
