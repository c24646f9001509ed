extension Account {
    /// The hold the account is on now, if any.
    public var currentHold: Hold? {
        guard let last = holds.last, last.resumedOn == nil else { return nil }
        return last
    }

    /// Days spent on finished holds from `day` on (before `end`).
    public func heldDays(from day: Day, before end: Day? = nil) -> Int {
        holds.reduce(0) { $0 + $1.days(from: day, before: end) }
    }

    /// Where a clock started on `day` stands once the finished holds since are taken out:
    /// `day` moved later by those days. The stalled rule and the stage SLA read their
    /// clocks from here, so a hold pauses them instead of resetting or ignoring them.
    public func clockStart(_ day: Day, before end: Day? = nil) -> Day {
        day + heldDays(from: day, before: end)
    }

    /// Days from contract signed to `day`, without the days on hold in between.
    public func workingDays(to day: Day) -> Int {
        (day - contractSigned) - heldDays(from: contractSigned, before: day)
    }
}

extension Account {
    /// The day the rules look at the account on: `today`, or the first day of the hold it
    /// is on — from then its colour, reasons and forecast stand as they were that day.
    public func ruleDay(_ today: Day) -> Day { currentHold.map { min(today, $0.from) } ?? today }

    /// A due date as the clocks read it: later by every finished hold that began before it
    /// was met (`end`, nil: not met yet) and resumed after it. A task due 5 days into a hold
    /// is still due 5 days after the resume; one overdue when the hold began is overdue by
    /// as many days on the resume. A resume that moved the open plan (`shiftOpenPlan`) moved
    /// these dates past the hold, so the hold adds nothing to them again.
    public func clockDue(_ due: Day, before end: Day? = nil) -> Day {
        holds.isEmpty ? due : due + holds.reduce(0) { $0 + $1.days(after: due, before: end) }
    }

    /// Days past a due date by `today` as the clocks count them (negative: days left): no
    /// clock runs on hold — it stands on the hold's first day while the hold lasts, and
    /// skips the days of finished holds.
    public func daysPast(_ due: Day, asOf today: Day) -> Int { ruleDay(today) - clockDue(due) }

    /// Days since `start` (the day a wait began) by `today`, by the same clocks.
    public func daysSince(_ start: Day, asOf today: Day) -> Int { ruleDay(today) - clockStart(start) }

    /// Days an open task is overdue as of `today`, by the clocks (0 when not overdue or
    /// finished).
    public func daysOverdue(_ task: OnboardingTask, asOf today: Day) -> Int {
        task.isOpen ? max(0, daysPast(task.due, asOf: today)) : 0
    }

    /// " (not counting 12 days on hold)" when finished holds moved a due date on, so a
    /// reason's days and the date beside it do not seem to disagree.
    func heldNote(due: Day) -> String {
        let held = clockDue(due) - due
        return held > 0 ? " (not counting \(plural(held, "day")) on hold)" : ""
    }

    /// The same for a clock started on `start`.
    func heldNote(since start: Day) -> String {
        let held = heldDays(from: start)
        return held > 0 ? " (not counting \(plural(held, "day")) on hold)" : ""
    }
}
