extension Account {
    /// Whether the account is stalled as of `today`, and why (nil when not stalled, on
    /// hold, or when the onboarding is complete). Every clock here skips the days of
    /// finished holds (`clockStart`, `clockDue`).
    public func stall(asOf today: Day) -> Stall? {
        guard isActive, currentHold == nil else { return nil }
        var court: Court?
        var reasons: [StallReason] = []

        let quiet = today - lastActivity
        if quiet >= thresholds.noActivityDays {
            reasons.append(
                StallReason(
                    kind: .noActivity, text: "no activity for \(plural(quiet, "day"))", court: .ours, days: quiet))
        }

        let inStage = daysInStage(asOf: today)
        if inStage > stage.slaDays {
            let over = inStage - stage.slaDays
            let held = heldDays(from: stage.enteredOn ?? contractSigned)
            let besides = held > 0 ? ", not counting \(plural(held, "day")) on hold" : ""
            reasons.append(
                StallReason(
                    kind: .stageOverSLA,
                    text:
                        "\(stage.name) at \(plural(inStage, "day")) against an SLA of \(stage.slaDays) (\(over) over\(besides))",
                    court: ballInCourt(asOf: today, &court), days: over))
        }

        // Positions, not copies, until a task gives a reason: every account is looked at.
        for i in tasks.indices where tasks[i].lane == .customer && tasks[i].isOpen {
            let overdue = max(0, today - clockDue(tasks[i].due))
            if overdue > thresholds.customerOverdueDays {
                let task = tasks[i]
                let ours = unfinishedWorkOfOurs(before: task)
                let waiting = ours.map { ", waiting on our '\($0.title)'" } ?? ""
                reasons.append(
                    StallReason(
                        kind: .customerTaskOverdue,
                        text:
                            "customer task '\(task.title)' overdue \(plural(overdue, "day")) (\(task.owner))\(waiting)",
                        court: ours == nil ? .customer : .ours, days: overdue))
            }
        }
        for i in tasks.indices where tasks[i].lane == .approval && tasks[i].status == .pending {
            let task = tasks[i]
            guard let pending = daysPending(task, asOf: today) else { continue }
            if pending > thresholds.approvalPendingDays {
                reasons.append(
                    StallReason(
                        kind: .approvalPending,
                        text: "approval '\(task.title)' pending \(plural(pending, "day")) with \(task.owner)",
                        court: .approver, days: pending))
            }
        }
        guard let lead = StallMark.lead(reasons.map { ($0.court, $0.days) }) else { return nil }
        // Whose move it is comes from the schedule, not from the longest reason: a customer
        // task overdue longest does not put the ball in their court while work of ours
        // earlier in the plan holds everything up.
        return Stall(reasons: reasons, ballInCourt: ballInCourt(asOf: today, &court), days: lead.days)
    }

    /// How long an approval has been waiting for its approver: counted from the later of
    /// its last status change and the day its stage was entered, since nobody is asked to
    /// sign off a stage the onboarding has not reached (nil for those).
    public func daysPending(_ task: OnboardingTask, asOf today: Day) -> Int? {
        pendingSince(task).map { max(0, today - $0) }
    }

    /// The day a pending approval's wait began, moved on by the days on hold since (nil
    /// when it is not pending, or its stage has not been reached).
    func pendingSince(_ task: OnboardingTask) -> Day? {
        guard task.lane == .approval, task.status == .pending else { return nil }
        let stageKey = checkpoint(task.checkpointID)?.stage
        guard let i = stageKey.flatMap({ k in stages.firstIndex { $0.key == k } }) ?? Optional(stageIndex),
            i <= stageIndex, isActive || i < stages.count
        else { return nil }
        return clockStart(max(task.statusSince, stages[i].enteredOn ?? task.statusSince))
    }

    /// The schedule's court, worked out once however many reasons ask.
    private func ballInCourt(asOf today: Day, _ known: inout Court?) -> Court {
        if let known { return known }
        let court = schedule(asOf: today).ballInCourt.court
        known = court
        return court
    }

    /// Whom a customer task's wait is on, in words: its owner, or the first unfinished work
    /// of ours it waits on — the customer cannot move before that, so the wait is ours.
    func waitedOn(_ task: OnboardingTask) -> String {
        guard let ours = unfinishedWorkOfOurs(before: task) else { return "on \(task.owner)" }
        return "on our '\(ours.title)', not on \(task.owner)"
    }

    /// The first unfinished task of ours (internal or an approval) that `task` waits on:
    /// while there is one, the customer cannot move.
    func unfinishedWorkOfOurs(before task: OnboardingTask) -> OnboardingTask? {
        for id in task.dependsOn {
            if let t = self.task(id), t.isOpen, t.lane != .customer { return t }
        }
        return nil
    }
}
