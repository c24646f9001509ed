/// A pause the customer asked for (a freeze, a re-scope): while it lasts the stage SLA and
/// the stalled clocks stand still.
public struct Hold: Hashable, Codable, Sendable {
    public var reason: String
    public var by: String
    public var from: Day
    /// When the customer expects to go on; past it, the hold itself needs attention.
    public var expectedResume: Day
    /// Nil while the hold lasts.
    public var resumedOn: Day?
    /// What the resume was about ("freeze lifted"), when given.
    public var resumeNote: String?

    public init(
        reason: String, by: String, from: Day, expectedResume: Day, resumedOn: Day? = nil, resumeNote: String? = nil
    ) {
        self.reason = reason
        self.by = by
        self.from = from
        self.expectedResume = expectedResume
        self.resumedOn = resumedOn
        self.resumeNote = resumeNote
    }

    /// The days of a finished hold from `start` on, before `end` (nil: no end); the day it
    /// resumed is a working day again.
    func days(from start: Day, before end: Day?) -> Int {
        guard let resumedOn else { return 0 }
        return max(0, min(resumedOn, end ?? resumedOn) - max(from, start))
    }

    /// What a finished hold adds to a due date `due` (met on `end`, nil: not met yet): the
    /// whole hold, when it began before `end` and resumed after `due` — the days left
    /// before the due date on the hold's first day are still left on the day it resumed,
    /// and days overdue skip the days on hold.
    func days(after due: Day, before end: Day?) -> Int {
        guard let resumedOn, due < resumedOn, end.map({ from < $0 }) ?? true else { return 0 }
        return min(resumedOn, end ?? resumedOn) - from
    }
}
