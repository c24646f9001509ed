import Foundation
import GoliveDomain
import GoliveIO

/// What a date question's answer means, and the words that say so before it is answered.
extension Prompt {
    /// The day the answer means. `+7`, `-2`, `+2w` count from the date being moved (`from`),
    /// so that moving a date by a week is `+7` whatever today is; `+` alone is a day later.
    /// Every other form (`fri`, `tomorrow`, `12-20`) is read from today.
    func meantDay(today: Day) -> Day? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let origin = from ?? today
        if let days = offset { return origin + days }
        return Day(typed: t, today: today, moving: origin)
    }

    /// An answer of days to move by, `+`, `-`, `+7` or `-12`: the number of days (`+` is one).
    var offset: Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let sign = t.first, sign == "+" || sign == "-" else { return nil }
        let digits = t.dropFirst()
        guard digits.count <= 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let n = digits.isEmpty ? 1 : Int(digits) ?? 0
        return sign == "+" ? n : -n
    }

    /// + and - on a date answer: a whole date moves a day; days to move by count one more
    /// or one fewer ("+" then + is "+2"). Nil when the key is to be typed instead.
    func stepped(by step: Int) -> String? {
        guard purpose.asksForADate, !selected, caret == text.count else { return nil }
        if let d = Day(iso: text) { return (d + step).iso }
        guard let days = offset else { return nil }
        let moved = days + step
        return moved < 0 ? "-\(-moved)" : "+\(moved)"
    }

    /// " = 2026-12-28 Mon, 7 days after 12-21": the day meant, and what a relative answer
    /// counted from; " (not a date yet)" while it is none.
    func meaning(today: Day) -> String? {
        guard purpose.asksForADate, !text.isEmpty else { return nil }
        guard let day = meantDay(today: today) else { return " (not a date yet)" }
        let t = text.trimmingCharacters(in: .whitespaces)
        // A whole date says itself: its weekday is all there is to add.
        if Day(iso: t) != nil { return " \(day.weekdayName)" }
        guard t.hasPrefix("+") || t.hasPrefix("-") else { return " = \(day.iso) \(day.weekdayName)" }
        let origin = from ?? today
        let days = day - origin
        let base = from.map { Renderer.short($0) } ?? "today"
        let relation = days >= 0 ? "after" : "before"
        return " = \(day.iso) \(day.weekdayName), \(plural(abs(days), "day")) \(relation) \(base)"
    }

    /// "new due, +N from 12-21 (12-20, fri, tomorrow; + - a day)": what the question asks,
    /// then what a relative answer counts from (the date moved, or today), before the rest
    /// a narrow line cuts.
    static func dateLabel(_ question: String, from: Day?) -> String {
        let base = from.map { Renderer.short($0) } ?? "today"
        return "\(question), +N from \(base) (-N, 12-20, fri, tomorrow; + - a day)"
    }
}
