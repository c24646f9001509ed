extension Account {
    /// The account's facts: computed from the whole account whenever it is saved.
    public var facts: AccountFacts {
        var byCheckpoint: [Int64: CheckpointFacts] = [:]
        // The clocks' days, moved on by the finished holds (`clockDue`, `clockStart`): the
        // facts then count without the days on hold as the rules do, without the holds.
        for c in checkpoints {
            byCheckpoint[c.id] = CheckpointFacts(
                id: c.id, due: clockDue(c.due), achieved: c.isAchieved, isGoLive: c.milestone == .goLive)
        }
        var customerDue: Day?
        var customerDueOnUs: Day?
        var approvalSince: Day?
        for t in tasks where t.isOpen {
            if t.lane == .customer {
                // The overdue clock starts at the due date, moved on by the holds.
                let due = clockDue(t.due)
                if unfinishedWorkOfOurs(before: t) == nil {
                    customerDue = min(customerDue ?? due, due)
                } else {
                    customerDueOnUs = min(customerDueOnUs ?? due, due)
                }
            }
            if let since = pendingSince(t) { approvalSince = min(approvalSince ?? since, since) }
            guard let id = t.checkpointID, var f = byCheckpoint[id] else { continue }
            f.open += 1
            if t.status == .blocked || t.status == .rejected { f.blockedOrRejected += 1 }
            let due = clockDue(t.due)
            f.earliestOpenDue = min(f.earliestOpenDue ?? due, due)
            if t.lane == .customer && t.status == .waiting {
                let since = clockStart(t.statusSince)
                f.longestCustomerWaitSince = min(f.longestCustomerWaitSince ?? since, since)
            }
            byCheckpoint[id] = f
        }
        // The forecast's terms, for any day: the board colours from them without the tasks.
        let plan = Schedule(self, asOf: contractSigned)
        for c in checkpoints where !c.isAchieved {
            guard var f = byCheckpoint[c.id], let terms = plan.terms(of: c) else { continue }
            f.forecastFixed = terms.fixed
            f.forecastAfterDay = terms.afterDay
            byCheckpoint[c.id] = f
        }
        let next = nextDue()
        return AccountFacts(
            id: id, name: name, segment: segment, arr: arr, csm: csm, version: version, contractSigned: contractSigned,
            goLive: goLive, completedOn: completedOn, lastActivity: lastActivity, escalated: escalation != nil,
            thresholds: thresholds, stageName: isActive ? stage.name : "Completed", stageSLADays: stage.slaDays,
            stageEnteredOn: stage.enteredOn.map { clockStart($0, before: stage.leftOn) }, stageLeftOn: stage.leftOn,
            court: plan.courtsByDay(),
            nextTitle: next?.title, nextDue: next?.due,
            checkpoints: checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.compactMap { byCheckpoint[$0.id] },
            earliestCustomerDue: customerDue, longestApprovalPendingSince: approvalSince,
            goLiveAchievedOn: checkpoints.first { $0.milestone == .goLive }?.achievedOn,
            earliestCustomerDueWaitingOnUs: customerDueOnUs, heldSince: currentHold?.from,
            holdResume: currentHold?.expectedResume, goLiveBaseline: goLivePlan?.baseline,
            goLiveMoves: goLiveMoves, earliestPlannedTouchpoint: touchpoints.filter { $0.state == nil }.map(\.on).min(),
            handoffIncomplete: !handoffGaps.isEmpty)
    }
}
