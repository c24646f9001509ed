/// A plan is never out of order (PRODUCT.md, "Forecast, critical path and whose court"): no
/// checkpoint of a later stage is due before one of an earlier stage.
///
/// What moves with a move, exactly:
/// - Only checkpoints not achieved are in the order: an achieved checkpoint is no longer
///   due, its date is history and never moves.
/// - A checkpoint moved later carries each checkpoint of a later stage that would then be
///   due before it by as many days as it moved (keeping its gap after it: the work after it
///   still takes as long), and at least to its new day. A checkpoint moved earlier carries
///   each one of an earlier stage that would then be due after it to its new day, no
///   further (pulling a date in promises to do the work sooner, not to have done it: a
///   gap kept would drag it into the past). What is carried carries in turn.
/// - Checkpoints of one stage are in no order among themselves, and nothing else moves:
///   tasks stay where they are (a task then due after its checkpoint makes the checkpoint
///   at risk, the forecast reason naming it — moving work earlier would promise what nobody
///   agreed to).
/// - A plan already out of order (an older golive could save one) keeps the breaks no move
///   touches; a change never adds one (the update function refuses it).
extension Account {
    /// Every pair of checkpoints not achieved that is out of stage order.
    public func stageOrderBreaks() -> [StageOrderBreak] {
        let open = checkpoints.filter { !$0.isAchieved }
        let stage = open.map { stageIndex(of: $0) }
        var breaks: [StageOrderBreak] = []
        for i in open.indices {
            for j in open.indices where stage[i] < stage[j] && open[j].due < open[i].due {
                breaks.append(StageOrderBreak(earlier: open[i].id, later: open[j].id))
            }
        }
        return breaks
    }

    public var isInStageOrder: Bool { stageOrderBreaks().isEmpty }

    /// What moves with checkpoint `id` moved to `day` (the checkpoints it carries).
    public func movingCheckpoint(_ id: Int64, to day: Day) -> PushedOut {
        PushedOut(checkpoints: carried(by: [id: day], fixed: [id]))
    }

    /// What moves with the go-live moved to `day`: with its checkpoint, what that carries.
    public func movingGoLive(to day: Day) -> PushedOut {
        guard let c = checkpoints.first(where: { $0.milestone == .goLive }) else { return PushedOut() }
        return movingCheckpoint(c.id, to: day)
    }

    /// Every checkpoint that moves when those of `moved` (id → new day) do, in the plan's
    /// order, with the day it moves to: those of `moved` but not of `fixed` (which stay where
    /// `moved` puts them, and are left out) may be carried further.
    func carried(by moved: [Int64: Day], fixed: Set<Int64>) -> [PushedOut.Push] {
        let open = checkpoints.filter { !$0.isAchieved }
        let stage = open.map { stageIndex(of: $0) }
        var newDue = moved
        // Each pass carries one stage further; stages are finite, so it settles.
        var changed = true
        while changed {
            changed = false
            for x in open.indices {
                guard let xNew = newDue[open[x].id] else { continue }
                let delta = xNew - open[x].due
                for y in open.indices where y != x && !fixed.contains(open[y].id) {
                    let now = newDue[open[y].id] ?? open[y].due
                    var to = now
                    if delta > 0 && stage[y] > stage[x] && now < xNew { to = max(open[y].due + delta, xNew) }
                    if delta < 0 && stage[y] < stage[x] && now > xNew { to = xNew }
                    if to != now {
                        newDue[open[y].id] = to
                        changed = true
                    }
                }
            }
        }
        return open.compactMap { c in
            guard !fixed.contains(c.id), let to = newDue[c.id], to != c.due else { return nil }
            return PushedOut.Push(id: c.id, from: c.due, to: to)
        }
    }

    /// The first break `next` has that this plan had not, in words; nil when none.
    func newOrderBreak(in next: Account) -> String? {
        let breaks = next.stageOrderBreaks()
        guard !breaks.isEmpty else { return nil }
        let had = Set(stageOrderBreaks())
        guard let b = breaks.first(where: { !had.contains($0) }), let e = next.checkpoint(b.earlier),
            let l = next.checkpoint(b.later)
        else { return nil }
        return "\(l.name) (\(l.due.iso)) would be due before \(e.name) (\(e.due.iso)), of an earlier stage"
    }
}

extension Account {
    /// Refuses what a move would carry out of the dates golive takes, or before the contract.
    func checkCarried(_ pushes: [PushedOut.Push]) throws(Refusal) {
        for p in pushes {
            let name = checkpoint(p.id)?.name ?? "a checkpoint"
            if let problem = Limits.problem(with: p.to) { throw Refusal("moving \(name) with it: \(problem)") }
            if p.to < contractSigned {
                throw Refusal(
                    "that would move \(name) to \(p.to.iso), before the contract was signed (\(contractSigned.iso))")
            }
        }
    }

    /// Each checkpoint of `pushes` moved, as a move of its own (baseline kept, move counted).
    mutating func move(_ pushes: [PushedOut.Push]) {
        for p in pushes {
            guard let k = checkpoints.firstIndex(where: { $0.id == p.id }) else { continue }
            move(checkpointAt: k, to: p.to)
        }
    }

    /// What a move's event keeps beside the dates: the one reason, then what moved with it
    /// ("customer holidays; also moved: Go-live 2026-02-01 → 2026-02-05").
    func moveDetail(_ reason: String?, _ pushed: PushedOut) -> String? {
        let also = pushed.isEmpty ? nil : "also moved: " + pushed.words(in: self).joined(separator: ", ")
        return [reason, also].compactMap { $0 }.joined(separator: "; ").nilIfEmpty
    }
}
