extension Account {
    /// The account with only what `status(asOf:)`, `stall(asOf:)` and `nextDue()` read: its
    /// unfinished tasks (and the finished ones they wait on), the touchpoints nobody has marked, and the handoff record while the
    /// account is in Handoff (the only time it counts). Kept packed beside the board's
    /// facts, so the portfolio and stalled reports give every reason without reading every
    /// finished task; the rules on the view and on the whole account agree on any day
    /// (a test over seeded portfolios and the harness's check hold them to it).
    public var ruleView: Account {
        var view = self
        // A finished task an open one waits on stays: its due date measures the time the
        // plan gives the work after it (the schedule's gap).
        let waitedOn = Set(tasks.filter(\.isOpen).flatMap(\.dependsOn))
        view.tasks = tasks.filter { $0.isOpen || waitedOn.contains($0.id) }
        view.touchpoints = touchpoints.filter { $0.state == nil }
        if !(isActive && stage.key == "handoff") { view.handoff = Handoff() }
        return view
    }
}
