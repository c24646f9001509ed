extension Account {
    /// What resuming on `today` could move (`HoldShift`); nil when the account is not on
    /// hold, resumes the day the hold began, or has nothing open to move.
    public func holdShift(resumingOn today: Day) -> HoldShift? {
        guard let h = currentHold, today > h.from else { return nil }
        let tasks = tasks.filter { $0.isOpen && $0.due >= h.from }.count
        let checkpoints = checkpoints.filter { !$0.isAchieved && $0.due >= h.from }.count
        let goLive = goLiveShifts(from: h.from) ? self.goLive + (today - h.from) : nil
        guard tasks + checkpoints > 0 || goLive != nil else { return nil }
        return HoldShift(days: today - h.from, tasks: tasks, checkpoints: checkpoints, goLive: goLive)
    }

    /// Moves the open plan due from the hold's first day (`from`) on `days` later (see
    /// `HoldShift`). What was overdue when the hold began keeps its date: its clock skips
    /// the hold already (`clockDue`), and moving it too would give it the days twice. The
    /// first plan moves with it and no move is counted: days on hold are no slip, in any
    /// reason or metric.
    mutating func shiftOpenPlan(from: Day, by days: Int) {
        let moveGoLive = goLiveShifts(from: from)
        for i in tasks.indices where tasks[i].isOpen && tasks[i].due >= from {
            tasks[i].due = tasks[i].due + days
            tasks[i].version += 1
        }
        for i in checkpoints.indices where !checkpoints[i].isAchieved && checkpoints[i].due >= from {
            checkpoints[i].due = checkpoints[i].due + days
            if let b = checkpoints[i].replan?.baseline { checkpoints[i].replan?.baseline = b + days }
            checkpoints[i].version += 1
        }
        if moveGoLive {
            targetGoLive = targetGoLive + days
            if let b = goLivePlan?.baseline { goLivePlan?.baseline = b + days }
        }
    }

    /// The go-live moves with the plan: not achieved, and due from the hold's first day on.
    private func goLiveShifts(from: Day) -> Bool {
        checkpoints.first { $0.milestone == .goLive }?.isAchieved != true && goLive >= from
    }
}
