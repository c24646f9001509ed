extension Account {
    /// A checkpoint's state as of `today`, by PRODUCT.md's rules:
    /// - achieved: exit criteria met (and confirmed where required);
    /// - off track: past due, or a task leading to it blocked, or an approval rejected;
    /// - at risk: due within the amber window with open tasks, or a task leading to it
    ///   overdue, or a customer task leading to it waiting past its SLA, or its forecast
    ///   (the latest due date of its open tasks) after its due date;
    /// - on track otherwise.
    /// On hold, as it stood on the hold's first day; every clock (overdue, waiting, the
    /// amber window, the forecast against the due date) without the days of finished holds
    /// (`daysPast`, `daysSince`).
    public func status(of checkpoint: Checkpoint, asOf today: Day) -> CheckpointStatus {
        status(of: checkpoint, asOf: today, schedule: schedule(asOf: today))
    }

    /// `status(of:asOf:)` with the account's schedule worked out once for all its checkpoints.
    func status(of checkpoint: Checkpoint, asOf day: Day, schedule: Schedule) -> CheckpointStatus {
        let today = ruleDay(day)
        if checkpoint.isAchieved {
            return CheckpointStatus(checkpoint: checkpoint, state: .achieved, reasons: [])
        }
        let name = checkpoint.name
        var reasons: [Reason] = []
        // Positions, not copies: a portfolio report colours every checkpoint of 10,000
        // accounts, and copying each task costs more than all the rules' tests.
        let open = tasks.indices.filter { tasks[$0].checkpointID == checkpoint.id && tasks[$0].isOpen }

        let late = daysPast(checkpoint.due, asOf: today)
        let heldSinceDue = heldNote(due: checkpoint.due)
        if late > 0 { reasons.append(Reason(.red, "\(name): overdue \(plural(late, "day"))\(heldSinceDue)")) }
        for i in open where tasks[i].status == .blocked {
            let task = tasks[i]
            reasons.append(Reason(.red, "\(name): task '\(task.title)' blocked\(task.reason.map { " (\($0))" } ?? "")"))
        }
        for i in open where tasks[i].status == .rejected {
            let task = tasks[i]
            reasons.append(
                Reason(
                    .red,
                    "\(name): approval '\(task.title)' rejected by \(task.owner)\(task.reason.map { " (\($0))" } ?? "")"
                ))
        }

        let dueIn = -late
        if dueIn >= 0 && dueIn <= thresholds.amberWindowDays && !open.isEmpty {
            let when = dueIn == 0 ? "due today" : "due in \(plural(dueIn, "day"))"
            reasons.append(Reason(.amber, "\(name): \(when) with \(plural(open.count, "open task"))\(heldSinceDue)"))
        }
        for i in open where daysOverdue(tasks[i], asOf: today) > 0 {
            let task = tasks[i]
            let kind = task.lane == .approval ? "approval" : "\(task.lane.rawValue) task"
            reasons.append(
                Reason(
                    .amber,
                    "\(name): \(kind) '\(task.title)' overdue \(plural(daysOverdue(task, asOf: today), "day"))"
                        + heldNote(due: task.due)))
        }
        // When the work, through what it waits on and the stages before, will really meet it.
        let slip = schedule.slip(of: checkpoint)
        if late <= 0 && slip > 0 {
            reasons.append(
                Reason(
                    .amber,
                    "\(name): forecast \(schedule.forecast(of: checkpoint).iso), \(plural(slip, "day")) after its "
                        + "due date\(heldSinceDue) (\(chain(to: checkpoint, schedule)))"))
        }
        for i in open where tasks[i].lane == .customer && tasks[i].status == .waiting {
            let waited = daysSince(tasks[i].statusSince, asOf: today)
            if waited > thresholds.customerWaitDays {
                let task = tasks[i]
                reasons.append(
                    Reason(
                        .amber,
                        "\(name): customer task '\(task.title)' waiting \(plural(waited, "day")) \(waitedOn(task))"
                            + heldNote(since: task.statusSince)))
            }
        }

        let worst = reasons.map(\.rag).max() ?? .green
        let state: CheckpointState = worst == .red ? .offTrack : worst == .amber ? .atRisk : .onTrack
        // Worst colour first, the rule order above kept within one colour (a stable sort,
        // without sorting: most checkpoints have no reason or one colour of them).
        let mixed = reasons.contains { $0.rag != reasons[0].rag }
        let ordered = mixed ? [RAG.red, .amber, .green].flatMap { c in reasons.filter { $0.rag == c } } : reasons
        return CheckpointStatus(checkpoint: checkpoint, state: state, reasons: ordered)
    }

    /// The account's RAG: the worst of its open checkpoints, red if escalated, at least
    /// amber in Handoff with an incomplete handoff record, on hold past its expected resume,
    /// with the go-live moved repeatedly, or with a touchpoint past its window and not
    /// marked held or missed.
    public func status(asOf today: Day) -> AccountStatus { status(asOf: today, schedule: schedule(asOf: today)) }

    /// `status(asOf:)` on the account's schedule already worked out (`schedule(asOf:)`, same day).
    public func status(asOf today: Day, schedule plan: Schedule) -> AccountStatus {
        // On hold the rules look at the hold's first day; only the hold itself reads today.
        let ruled = ruleDay(today)
        let ordered = checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let statuses = ordered.map { status(of: $0, asOf: ruled, schedule: plan) }
        var reasons: [Reason] = []
        if let e = escalation {
            let to = e.to.map { " to \($0)" } ?? ""
            reasons.append(Reason(.red, "escalated by \(e.by)\(to) on \(e.on.iso): \(e.reason)"))
        }
        reasons += statuses.flatMap(\.reasons).filter { $0.rag == .red }
        if isActive, goLiveMoves >= Account.repeatedGoLiveMoves,
            checkpoints.first(where: { $0.milestone == .goLive })?.isAchieved != true
        {
            let slip = goLiveSlip
            let against =
                slip == 0
                ? "back on the first plan"
                : "\(plural(abs(slip), "day")) \(slip > 0 ? "later" : "earlier") than first planned"
            reasons.append(Reason(.amber, "go-live moved \(goLiveMoves) times (\(against))"))
        }
        if !handoffGaps.isEmpty {
            reasons.append(Reason(.amber, "handoff record lacks " + handoffGaps.joined(separator: ", ")))
        }
        let unanswered = isActive ? touchpoints.filter { $0.isUnanswered(asOf: ruled) } : []
        if let first = unanswered.first {
            let more = unanswered.count > 1 ? " (and \(unanswered.count - 1) more)" : ""
            reasons.append(
                Reason(
                    .amber,
                    "touchpoint '\(first.objective)' of \(first.on.iso) (\(first.audience), \(first.channel)) "
                        + "not marked held or missed\(more)"))
        }
        if let h = currentHold, today > h.expectedResume {
            // A hold nobody ended is a customer nobody is talking to.
            reasons.append(
                Reason(
                    .amber,
                    "on hold since \(h.from.iso) (\(h.reason)): resume was expected \(h.expectedResume.iso), "
                        + "\(plural(today - h.expectedResume, "day")) ago"))
        }
        reasons += statuses.flatMap(\.reasons).filter { $0.rag == .amber }
        let rag = reasons.map(\.rag).max() ?? .green
        return AccountStatus(rag: rag, checkpoints: statuses, reasons: reasons)
    }

    /// What holds a checkpoint back, root first: "'Security review' overdue → 'SSO setup'",
    /// or "'Build' is due then" when one task due after it is all there is.
    func chain(to checkpoint: Checkpoint, _ schedule: Schedule) -> String {
        let path = Array(schedule.criticalPath(from: .checkpoint(checkpoint.id)).dropFirst().reversed())
        let words = path.enumerated().map { k, item in
            switch item {
            case .task(let id):
                guard let t = task(id) else { return "task \(id)" }
                if t.status == .blocked || t.status == .rejected { return "'\(t.title)' \(t.status.title)" }
                let overdue = k == 0 && daysOverdue(t, asOf: schedule.day) > 0
                return "'\(t.title)'" + (overdue ? " overdue" : path.count == 1 ? " is due then" : "")
            case .checkpoint(let id):
                return checkpoints.first { $0.id == id }?.name ?? "checkpoint \(id)"
            }
        }
        return words.joined(separator: " → ")
    }

    /// The next unfinished thing due: a task or a checkpoint, earliest first.
    public func nextDue() -> (title: String, due: Day)? {
        // Found by position, then copied once: every account's is shown.
        let task = tasks.indices.filter { tasks[$0].isOpen }.min {
            (tasks[$0].due, tasks[$0].id) < (tasks[$1].due, tasks[$1].id)
        }
        .map { tasks[$0] }
        let checkpoint = checkpoints.indices.filter { !checkpoints[$0].isAchieved }
            .min { (checkpoints[$0].due, checkpoints[$0].id) < (checkpoints[$1].due, checkpoints[$1].id) }
            .map { checkpoints[$0] }
        switch (task, checkpoint) {
        case (let t?, let c?): return t.due <= c.due ? (t.title, t.due) : (c.name, c.due)
        case (let t?, nil): return (t.title, t.due)
        case (nil, let c?): return (c.name, c.due)
        case (nil, nil): return nil
        }
    }
}
