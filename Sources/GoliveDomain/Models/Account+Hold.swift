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
