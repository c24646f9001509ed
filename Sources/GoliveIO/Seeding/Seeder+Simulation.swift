import GoliveDomain

extension Seeder {
    enum Health { case good, slipping, troubled }

    /// Plays the onboarding forward from the contract to `asOf`: work finished around its
    /// due date (late for slipping and troubled accounts), checkpoints achieved when their
    /// work is done, stages left when their gates are met; troubled accounts get blocked
    /// work, silent customers, pending approvals and escalations.
    func simulate(_ a: inout Account, health: Health, rng: inout SeededRandom, events: inout [Event]) {
        let lag: ClosedRange<Int> = health == .good ? -2...1 : health == .slipping ? 0...6 : 2...14
        var lastDay = a.contractSigned
        // A troubled account may have gone quiet: nothing recorded in its last days.
        let quietFrom = health == .troubled && rng.chance(0.5) ? asOf - rng.int(8...20) : asOf + 1
        let horizon = min(asOf, quietFrom - 1)
        // Each event keeps the rows it replaced, so the portfolio can be rewound to any day.
        func record(_ e: Event, _ prior: Prior) {
            var e = e
            e.prior = prior
            events.append(e)
            if let d = e.day { lastDay = max(lastDay, d) }
        }
        func replaced(_ t: OnboardingTask) -> Prior {
            var p = Prior()
            p.tasks = [t]
            return p
        }
        func who(_ t: OnboardingTask) -> String { t.lane == .internal ? t.owner : a.csm }

        for ci in a.checkpoints.indices {
            let cp = a.checkpoints[ci]
            var finishedAll = true
            var latest = a.contractSigned
            for ti in a.tasks.indices where a.tasks[ti].checkpointID == cp.id {
                let t = a.tasks[ti]
                let depsDone = t.dependsOn.allSatisfy { d in a.tasks.first { $0.id == d }?.status.isFinished ?? true }
                let doneOn = max(a.contractSigned, t.due + rng.int(lag))
                if depsDone && doneOn <= horizon && !(health == .troubled && rng.chance(0.15)) {
                    let status: TaskStatus = t.lane == .approval ? .approved : .done
                    a.tasks[ti].status = status
                    a.tasks[ti].statusSince = doneOn
                    a.tasks[ti].finishedOn = doneOn
                    a.tasks[ti].version += 1
                    record(
                        Event(
                            at: Timestamp.on(doneOn, hour: 9 + Int(t.id % 8), minute: Int(t.id % 60)), who: who(t),
                            accountID: a.id, taskID: t.id, kind: "task.status",
                            before: TaskStatus.initial(in: t.lane).rawValue, after: status.rawValue), replaced(t))
                    latest = max(latest, doneOn)
                    continue
                }
                finishedAll = false
                // Unfinished work that should have started shows why it is not done.
                guard t.due - 7 <= horizon else { continue }
                let since = max(a.contractSigned, min(horizon, t.due - rng.int(0...10)))
                var change: (TaskStatus, String?)? = nil
                switch (t.lane, health) {
                case (.customer, .troubled): change = (.waiting, nil)
                case (.customer, .slipping) where rng.chance(0.6): change = (.waiting, nil)
                case (.internal, .troubled) where rng.chance(0.35): change = (.blocked, rng.pick(Seeder.blockReasons))
                case (.approval, .troubled) where rng.chance(0.2): change = (.rejected, "scope not agreed")
                case (.internal, _) where rng.chance(0.4): change = (.inProgress, nil)
                default: break
                }
                if let (status, reason) = change {
                    a.tasks[ti].status = status
                    a.tasks[ti].reason = reason
                    a.tasks[ti].statusSince = since
                    a.tasks[ti].version += 1
                    record(
                        Event(
                            at: Timestamp.on(since, hour: 14, minute: Int(t.id % 60)), who: who(t), accountID: a.id,
                            taskID: t.id,
                            kind: "task.status", before: t.status.rawValue, after: status.rawValue, detail: reason),
                        replaced(t))
                } else if t.lane == .approval {
                    a.tasks[ti].statusSince = since
                }
            }
            let achieveOn = max(latest, min(cp.due + rng.int(lag), horizon))
            if finishedAll && achieveOn <= horizon && cp.due - 10 <= horizon {
                var prior = Prior()
                prior.checkpoints = [cp]
                a.checkpoints[ci].achievedOn = achieveOn
                a.checkpoints[ci].confirmedBy =
                    cp.customerConfirms ? (a.handoff.stakeholders.first?.name ?? "\(a.name) contact") : nil
                a.checkpoints[ci].version += 1
                record(
                    Event(
                        at: Timestamp.on(achieveOn, hour: 17), who: a.csm, accountID: a.id, checkpointID: cp.id,
                        kind: "checkpoint.achieved", before: cp.due.iso, after: achieveOn.iso,
                        detail: a.checkpoints[ci].confirmedBy.map { "confirmed by \($0)" }), prior)
            }
        }

        // Leave every stage whose gates are met, in order, on the day the last gate closed.
        while a.isActive && a.unmetGates().isEmpty {
            let own = a.checkpoints.filter { $0.stage == a.stage.key }
            let left = max(
                a.stage.enteredOn ?? a.contractSigned,
                own.compactMap(\.achievedOn).max() ?? a.stage.enteredOn ?? a.contractSigned)
            guard left <= horizon else { break }
            let from = a.stage.key
            var prior = Prior()
            prior.fields = ["stages": Prior.json(a.stages), "stageIndex": Prior.json(a.stageIndex)]
            a.stages[a.stageIndex].leftOn = left
            if a.stageIndex + 1 < a.stages.count {
                a.stageIndex += 1
                a.stages[a.stageIndex].enteredOn = left
            } else {
                a.completedOn = left
                prior.fields["completedOn"] = "null"
            }
            record(
                Event(
                    at: Timestamp.on(left, hour: 18), who: a.csm, accountID: a.id, kind: "stage.advanced",
                    before: from, after: a.isActive ? a.stage.key : "completed"), prior)
        }

        // A checkpoint of a stage the account never reached is not achieved: work done early
        // is done, but the milestone waits for its stage (a go-live in Intake is no record).
        for ci in a.checkpoints.indices where a.checkpoints[ci].isAchieved {
            guard let si = a.stages.firstIndex(where: { $0.key == a.checkpoints[ci].stage }), a.isActive,
                si > a.stageIndex
            else { continue }
            let id = a.checkpoints[ci].id
            a.checkpoints[ci].achievedOn = nil
            a.checkpoints[ci].confirmedBy = nil
            a.checkpoints[ci].version -= 1
            events.removeAll { $0.kind == "checkpoint.achieved" && $0.checkpointID == id }
            lastDay = max(a.contractSigned, events.compactMap(\.day).max() ?? a.contractSigned)
        }

        if health == .troubled && a.isActive && rng.chance(0.35) {
            let on = max(a.contractSigned, horizon - rng.int(0...6))
            let reason = rng.pick(Seeder.escalationReasons)
            a.escalation = Escalation(reason: reason, by: a.csm, on: on)
            var prior = Prior()
            prior.fields = ["escalation": "null"]
            record(
                Event(
                    at: Timestamp.on(on, hour: 11), who: a.csm, accountID: a.id, kind: "account.escalated",
                    after: reason), prior)
        } else if health != .troubled && a.isActive && rng.chance(0.5) {
            // Healthy accounts hear from their CSM regularly.
            let on = max(a.contractSigned, horizon - rng.int(0...4))
            record(
                Event(
                    at: Timestamp.on(on, hour: 16), who: a.csm, accountID: a.id, kind: "note",
                    detail: rng.pick([
                        "weekly check-in held", "customer happy with progress", "sent status report",
                        "agreed next steps",
                    ])), Prior())
        }
        // Touchpoints before the last active day were held (a troubled account misses some);
        // chosen by id, not drawn, so the rest of the simulation stays as it was.
        for k in a.touchpoints.indices where a.touchpoints[k].on < horizon {
            let id = a.touchpoints[k].id
            let missed = health == .troubled && id % 3 == 0
            a.touchpoints[k].state = missed ? .missed : .held
            a.touchpoints[k].outcome =
                missed ? nil : Seeder.touchpointOutcomes[Int(id) % Seeder.touchpointOutcomes.count]
            a.touchpoints[k].markedOn = a.touchpoints[k].on
        }
        a.lastActivity = lastDay
        events.sort { $0.at < $1.at }
        // Activity as each event found it: the newest day among the events before it.
        var active = a.contractSigned
        for i in events.indices {
            guard let day = events[i].day, day > active else { continue }
            if events[i].prior?.created == false { events[i].prior?.lastActivity = active }
            active = day
        }
    }
}
