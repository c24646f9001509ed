import ArgumentParser
import GoliveDomain

/// A day given on the command line, read as the board's date questions read it: a script
/// and a person at the board mean the same day by the same words.
enum DayOption {
    /// The forms every date option takes, for `--help` and for a refusal.
    static let forms = "YYYY-MM-DD, 12-10, +7, -2, +2w, today, tomorrow or a weekday (fri)"

    /// The help line's tail: what the forms are relative to.
    static let relative = "relative to today, or to --as-of"

    /// The same for a day that moves a date: as on the board, +7, -2 and +2w count from it.
    static let moving = "+7, -2 and +2w from the date it moves, the others from today or --as-of"

    /// The help of a date option that moves a date.
    static func movingHelp(_ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what): \(forms); \(moving).", valueName: "day")
    }

    /// The day `given` means when it moves `from`: a relative answer (`+7`, `-2`, `+2w`)
    /// counts from the date being moved, as the board's date questions do, so a script's
    /// `+7` and a person's mean the same day.
    static func day(_ given: String, _ what: String, moving from: Day, today: Day) throws -> Day {
        try checked(Day(typed: given, today: today, moving: from), given, what)
    }

    /// The help of a date option: what the day is for, then the forms it takes.
    static func help(_ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what): \(forms), \(relative).", valueName: "day")
    }

    /// The day `given` means, relative to `today`; refused in golive's words when it is
    /// none of the forms, or outside the dates golive takes.
    static func day(_ given: String, _ what: String, today: Day) throws -> Day {
        try checked(Day(typed: given, today: today), given, what)
    }

    /// A day read from `given`, refused in golive's words when it is none, or outside the
    /// dates golive takes.
    private static func checked(_ day: Day?, _ given: String, _ what: String) throws -> Day {
        guard let d = day else {
            throw UsageProblem("\(what) '\(Text.inert(given))' is not a date (expected \(forms))")
        }
        guard Limits.contains(d) else {
            throw UsageProblem("\(what) \(d.iso) is outside the dates golive takes (\(Limits.dateRange))")
        }
        return d
    }

    /// The same, for `validate()`, where a refusal is a mistake on the command line.
    static func validated(_ given: String, _ what: String, today: Day) throws -> Day {
        do {
            return try day(given, what, today: today)
        } catch let problem as UsageProblem {
            throw ValidationError(problem.description)
        }
    }
}
