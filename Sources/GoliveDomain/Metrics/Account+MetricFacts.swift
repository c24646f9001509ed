extension Account {
    /// What the KPIs need of this account (see `MetricFacts`).
    public var metricFacts: MetricFacts {
        let firstValue = checkpoints.first { $0.milestone == .firstValue }?.achievedOn
        let goLiveCheckpoint = checkpoints.first { $0.milestone == .goLive }
        let wentLive = goLiveCheckpoint?.achievedOn
        // The clocks' due dates: a hold between a due date and the day it was met is not
        // lateness, and one before an open due date moved it on.
        let outcomes = checkpoints.map {
            CheckpointOutcome(
                key: $0.key, name: $0.name, due: clockDue($0.due, before: $0.achievedOn), achievedOn: $0.achievedOn)
        }
        let forecast = goLiveCheckpoint.flatMap {
            $0.isAchieved ? nil : Schedule(self, asOf: contractSigned).terms(of: $0)
        }
        var customerDone = 0
        var customerOnTime = 0
        var openCustomer: [Day] = []
        var spans: [LateSpan] = []
        var earliestOpen: [Lane: Day] = [:]
        for t in tasks {
            if t.lane == .customer && t.status == .done, let f = t.finishedOn {
                customerDone += 1
                if f <= clockDue(t.due, before: f) { customerOnTime += 1 }
            } else if t.lane == .customer && t.isOpen {
                openCustomer.append(clockDue(t.due))
            }
            guard t.status != .skipped else { continue }
            if let f = t.finishedOn {
                let due = clockDue(t.due, before: f)
                if f > due { spans.append(LateSpan(lane: t.lane, from: due, to: f)) }
            } else {
                let due = clockDue(t.due)
                earliestOpen[t.lane] = min(earliestOpen[t.lane] ?? due, due)
            }
        }
        for lane in Lane.allCases {
            if let d = earliestOpen[lane] { spans.append(LateSpan(lane: lane, from: d, to: nil)) }
        }
        let stays = stages.enumerated().compactMap { i, s -> StageStay? in
            guard let entered = s.enteredOn, i <= stageIndex else { return nil }
            return StageStay(
                key: s.key, name: s.name, slaDays: s.slaDays, entered: clockStart(entered, before: s.leftOn),
                left: s.leftOn)
        }
        let moved = checkpoints.reduce(0) { $0 + ($1.replan?.moves ?? 0) } + (goLiveCheckpoint == nil ? goLiveMoves : 0)
        return MetricFacts(
            id: id, csm: csm, segment: segment, playbook: playbook, contractSigned: contractSigned,
            targetGoLive: clockDue(targetGoLive, before: wentLive), completedOn: completedOn,
            heldSince: currentHold?.from, firstValueOn: firstValue,
            firstValueWorkingDays: firstValue.map(workingDays(to:)),
            goLiveOn: wentLive, goLiveWorkingDays: wentLive.map(workingDays(to:)),
            goLiveBaseline: clockDue(goLiveBaseline), goLiveForecast: forecast, goLiveMoves: goLiveMoves,
            datesMoved: moved, checkpoints: outcomes, customerDone: customerDone, customerOnTime: customerOnTime,
            openCustomerDues: openCustomer, lateSpans: spans, stages: stays)
    }
}
