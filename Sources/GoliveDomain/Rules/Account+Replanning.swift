extension Account {
    /// How many go-live moves make a warning: the seeds name repeated slips as an early sign.
    public static let repeatedGoLiveMoves = 2

    /// The go-live of the first plan.
    public var goLiveBaseline: Day { goLivePlan?.baseline ?? goLive }
    /// Days the go-live now stands later than first planned (negative: earlier).
    public var goLiveSlip: Int { goLive - goLiveBaseline }
    public var goLiveMoves: Int { goLivePlan?.moves ?? 0 }

    /// What moving `taskID` to `due` pushes out: every open task waiting on it (directly or
    /// through others) that would then be due before the work it waits on moves by the same
    /// number of days, keeping its place after it; every open checkpoint whose forecast
    /// then falls after its due date moves to that forecast, and carries what keeps the plan
    /// in stage order (`carried(by:fixed:)`). Nothing for a move earlier.
    public func pushedOut(byMoving taskID: Int64, to due: Day) -> PushedOut {
        guard let moved = task(taskID), due > moved.due else { return PushedOut() }
        let delta = due - moved.due
        var newDue: [Int64: Day] = [taskID: due]
        var out = PushedOut()
        var queue = [taskID]
        while !queue.isEmpty {
            let mover = queue.removeFirst()
            guard let moverDue = newDue[mover] else { continue }
            for t in tasks where t.isOpen && t.dependsOn.contains(mover) && newDue[t.id] == nil {
                guard t.due < moverDue else { continue }
                newDue[t.id] = t.due + delta
                out.tasks.append(PushedOut.Push(id: t.id, from: t.due, to: t.due + delta))
                queue.append(t.id)
            }
        }
        for c in checkpoints where !c.isAchieved {
            let leading = tasks(leadingTo: c).filter(\.isOpen)
            guard let latest = leading.map({ newDue[$0.id] ?? $0.due }).max(), latest > c.due,
                leading.contains(where: { newDue[$0.id] != nil })
            else { continue }
            out.checkpoints.append(PushedOut.Push(id: c.id, from: c.due, to: latest))
        }
        // Every checkpoint here is pushed by work, not set by the user: the order may carry
        // one further than its work did.
        out.checkpoints = carried(by: Dictionary(out.checkpoints.map { ($0.id, $0.to) }) { a, _ in a }, fixed: [])
        return out
    }

    /// A checkpoint's due date moved: the baseline kept, the move counted; the go-live
    /// checkpoint takes the target go-live with it.
    mutating func move(checkpointAt i: Int, to day: Day) {
        let c = checkpoints[i]
        // Before the checkpoint moves: the go-live's baseline is read from it.
        if c.milestone == .goLive { moveTarget(to: day) }
        checkpoints[i].replan = Replan.moving(c.replan, from: c.due)
        checkpoints[i].due = day
        checkpoints[i].version += 1
    }

    /// The target go-live moved, the baseline kept, the move counted.
    mutating func moveTarget(to day: Day) {
        goLivePlan = Replan.moving(goLivePlan, from: goLive)
        targetGoLive = day
    }
}
