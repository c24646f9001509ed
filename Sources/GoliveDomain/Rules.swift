/// One sentence explaining an amber or red, e.g. "Integration live: overdue 4 days".
public struct Reason: Hashable, Codable, Sendable, CustomStringConvertible {
    public var rag: RAG
    public var text: String
    public init(_ rag: RAG, _ text: String) {
        self.rag = rag
        self.text = text
    }
    public var description: String { text }
}

public struct CheckpointStatus: Hashable, Sendable {
    public var checkpoint: Checkpoint
    public var state: CheckpointState
    /// Every reason that applies, worst first.
    public var reasons: [Reason]
}

public struct AccountStatus: Hashable, Sendable {
    public var rag: RAG
    public var checkpoints: [CheckpointStatus]
    /// The reasons behind the account's amber or red, worst first (empty when green).
    public var reasons: [Reason]
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

extension Account {
    /// A checkpoint's state as of `today`, by PRODUCT.md's rules:
    /// - achieved: exit criteria met (and confirmed where required);
    /// - off track: past due, or a task leading to it blocked, or an approval rejected;
    /// - at risk: due within the amber window with open tasks, or a task leading to it
    ///   overdue, or a customer task leading to it waiting past its SLA;
    /// - on track otherwise.
    public func status(of checkpoint: Checkpoint, asOf today: Day) -> CheckpointStatus {
        if checkpoint.isAchieved {
            return CheckpointStatus(checkpoint: checkpoint, state: .achieved, reasons: [])
        }
        let name = checkpoint.name
        var reasons: [Reason] = []
        let leading = tasks(leadingTo: checkpoint)
        let open = leading.filter(\.isOpen)

        let late = today - checkpoint.due
        if late > 0 { reasons.append(Reason(.red, "\(name): overdue \(plural(late, "day"))")) }
        for task in open where task.status == .blocked {
            reasons.append(Reason(.red, "\(name): task '\(task.title)' blocked\(task.reason.map { " (\($0))" } ?? "")"))
        }
        for task in open where task.status == .rejected {
            reasons.append(
                Reason(
                    .red,
                    "\(name): approval '\(task.title)' rejected by \(task.owner)\(task.reason.map { " (\($0))" } ?? "")"
                ))
        }

        let dueIn = checkpoint.due - today
        if dueIn >= 0 && dueIn <= thresholds.amberWindowDays && !open.isEmpty {
            let when = dueIn == 0 ? "due today" : "due in \(plural(dueIn, "day"))"
            reasons.append(Reason(.amber, "\(name): \(when) with \(plural(open.count, "open task"))"))
        }
        for task in open {
            let overdue = task.daysOverdue(asOf: today)
            if overdue > 0 {
                let kind = task.lane == .approval ? "approval" : "\(task.lane.rawValue) task"
                reasons.append(Reason(.amber, "\(name): \(kind) '\(task.title)' overdue \(plural(overdue, "day"))"))
            }
        }
        for task in open where task.lane == .customer && task.status == .waiting {
            let waited = today - task.statusSince
            if waited > thresholds.customerWaitDays {
                reasons.append(
                    Reason(
                        .amber,
                        "\(name): customer task '\(task.title)' waiting \(plural(waited, "day")) on \(task.owner)"))
            }
        }

        let worst = reasons.map(\.rag).max() ?? .green
        let state: CheckpointState = worst == .red ? .offTrack : worst == .amber ? .atRisk : .onTrack
        // Stable sort keeps the rule order above within one colour.
        let sorted = reasons.enumerated().sorted { ($0.element.rag, -$0.offset) > ($1.element.rag, -$1.offset) }.map(
            \.element)
        return CheckpointStatus(checkpoint: checkpoint, state: state, reasons: sorted)
    }

    /// The account's RAG: the worst of its open checkpoints, red if escalated.
    public func status(asOf today: Day) -> AccountStatus {
        let ordered = checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let statuses = ordered.map { status(of: $0, asOf: today) }
        var reasons: [Reason] = []
        if let e = escalation {
            reasons.append(Reason(.red, "escalated by \(e.by) on \(e.on.iso): \(e.reason)"))
        }
        reasons += statuses.flatMap(\.reasons).filter { $0.rag == .red }
        reasons += statuses.flatMap(\.reasons).filter { $0.rag == .amber }
        let rag = reasons.map(\.rag).max() ?? .green
        return AccountStatus(rag: rag, checkpoints: statuses, reasons: reasons)
    }

    /// The next unfinished thing due: a task or a checkpoint, earliest first.
    public func nextDue() -> (title: String, due: Day)? {
        let task = tasks.filter(\.isOpen).min { ($0.due, $0.id) < ($1.due, $1.id) }
        let checkpoint = checkpoints.filter { !$0.isAchieved }.min { ($0.due, $0.id) < ($1.due, $1.id) }
        switch (task, checkpoint) {
        case (let t?, let c?): return t.due <= c.due ? (t.title, t.due) : (c.name, c.due)
        case (let t?, nil): return (t.title, t.due)
        case (nil, let c?): return (c.name, c.due)
        case (nil, nil): return nil
        }
    }
}

// MARK: - Stalled

public struct StallReason: Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        case noActivity = "no_activity"
        case stageOverSLA = "stage_over_sla"
        case customerTaskOverdue = "customer_task_overdue"
        case approvalPending = "approval_pending"
    }
    public var kind: Kind
    public var text: String
    public var court: Court
    /// How many days the ball has been in that court.
    public var days: Int
    public var description: String { text }
}

public struct Stall: Hashable, Sendable {
    public var reasons: [StallReason]
    /// The court of the longest-running reason (ties: customer, approver, then ours —
    /// the lead's question is who must move first).
    public var ballInCourt: Court
    public var days: Int
}

extension Account {
    /// Whether the account is stalled as of `today`, and why (nil when not stalled or
    /// when the onboarding is complete).
    public func stall(asOf today: Day) -> Stall? {
        guard isActive else { return nil }
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
            reasons.append(
                StallReason(
                    kind: .stageOverSLA,
                    text:
                        "\(stage.name) at \(plural(inStage, "day")) against an SLA of \(stage.slaDays) (\(over) over)",
                    court: courtOfCurrentStage(), days: over))
        }

        for task in tasks where task.lane == .customer && task.isOpen {
            let overdue = task.daysOverdue(asOf: today)
            if overdue > thresholds.customerOverdueDays {
                reasons.append(
                    StallReason(
                        kind: .customerTaskOverdue,
                        text: "customer task '\(task.title)' overdue \(plural(overdue, "day")) (\(task.owner))",
                        court: .customer, days: overdue))
            }
        }
        for task in tasks where task.lane == .approval && task.status == .pending {
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
        return Stall(reasons: reasons, ballInCourt: lead.ballInCourt, days: lead.days)
    }

    /// How long an approval has been waiting for its approver: counted from the later of
    /// its last status change and the day its stage was entered, since nobody is asked to
    /// sign off a stage the onboarding has not reached (nil for those).
    public func daysPending(_ task: OnboardingTask, asOf today: Day) -> Int? {
        pendingSince(task).map { max(0, today - $0) }
    }

    /// The day a pending approval's wait began (nil when it is not pending, or its stage
    /// has not been reached).
    func pendingSince(_ task: OnboardingTask) -> Day? {
        guard task.lane == .approval, task.status == .pending else { return nil }
        let stageKey = checkpoint(task.checkpointID)?.stage
        guard let i = stageKey.flatMap({ k in stages.firstIndex { $0.key == k } }) ?? Optional(stageIndex),
            i <= stageIndex, isActive || i < stages.count
        else { return nil }
        return max(task.statusSince, stages[i].enteredOn ?? task.statusSince)
    }

    /// Who holds up the current stage: an approver if one of its approvals is pending, the
    /// customer if only customer tasks are open, otherwise us.
    func courtOfCurrentStage() -> Court {
        let ids = Set(checkpoints.filter { $0.stage == stage.key }.map(\.id))
        let open = tasks.filter { $0.isOpen && $0.checkpointID.map(ids.contains) == true }
        if open.contains(where: { $0.lane == .approval }) { return .approver }
        if !open.isEmpty && open.allSatisfy({ $0.lane == .customer }) { return .customer }
        return .ours
    }
}
