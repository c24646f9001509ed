import GoliveDomain

/// Checkpoints, tasks and touchpoints field by field, as the rule views and the priors of
/// events keep them: what one writes here, the other reads back the same way.
extension PackedWriter {
    mutating func put(_ c: Checkpoint) {
        put(id: c.id)
        put(c.key)
        put(c.name)
        put(c.stage)
        put(c.due)
        put(c.customerConfirms)
        put(optional: c.milestone?.rawValue)
        put(c.achievedOn)
        put(optional: c.confirmedBy)
        put(c.replan?.baseline)
        put(c.replan?.moves)
        put(c.version)
    }

    /// A task's dependencies are written in the order they are in.
    mutating func put(_ t: OnboardingTask) {
        put(id: t.id)
        put(t.title)
        put(t.lane.rawValue)
        put(t.owner)
        put(t.due)
        put(t.status.rawValue)
        put(optional: t.reason)
        put(t.statusSince)
        put(t.finishedOn)
        put(id: t.checkpointID ?? PackedWriter.noCheckpoint)
        put(t.dependsOn.count)
        for d in t.dependsOn { put(id: d) }
        put(t.version)
    }

    mutating func put(_ p: Touchpoint) {
        put(id: p.id)
        put(p.on)
        put(p.audience)
        put(p.channel)
        put(p.objective)
        put(optional: p.state?.rawValue)
        put(optional: p.outcome)
        put(p.markedOn)
    }

    /// Where a task leads to no checkpoint (ids are positive).
    static let noCheckpoint = Int64.min
}

/// Days a damaged row lacks are read as `fallback`; the reader is then `broken` or the
/// caller checks what it needs.
extension PackedReader {
    mutating func checkpoint(or fallback: Day) -> Checkpoint {
        let id = id()
        let key = text()
        let name = text()
        let stage = text()
        let due = day() ?? fallback
        let confirms = bool()
        let milestone: Milestone? = optionalWord()
        let achieved = day()
        let confirmedBy = optionalText()
        let baseline = day()
        let moves = number() ?? 0
        var c = Checkpoint(
            id: id, key: key, name: name, stage: stage, due: due, customerConfirms: confirms, milestone: milestone,
            achievedOn: achieved, confirmedBy: confirmedBy, replan: baseline.map { Replan(baseline: $0, moves: moves) })
        c.version = number() ?? 1
        return c
    }

    mutating func task(or fallback: Day) -> OnboardingTask {
        let id = id()
        let title = text()
        let lane: Lane = word() ?? .internal
        let owner = text()
        let due = day() ?? fallback
        let status: TaskStatus = word() ?? .open
        let reason = optionalText()
        let since = day() ?? fallback
        let finished = day()
        let checkpoint = self.id()
        let deps = (0..<count(8)).map { _ in self.id() }
        var t = OnboardingTask(
            id: id, title: title, lane: lane, owner: owner, due: due, status: status, reason: reason,
            statusSince: since, finishedOn: finished,
            checkpointID: checkpoint == PackedWriter.noCheckpoint ? nil : checkpoint, dependsOn: deps)
        t.version = number() ?? 1
        return t
    }

    mutating func touchpoint(or fallback: Day) -> Touchpoint {
        Touchpoint(
            id: id(), on: day() ?? fallback, audience: text(), channel: text(), objective: text(),
            state: optionalWord(), outcome: optionalText(), markedOn: day())
    }
}
