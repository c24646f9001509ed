import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
    mutating func accountCommand(_ command: Command) -> [Effect] {
        guard let a = currentAccount, var f = focus else {
            screen = .board
            return []
        }
        let lanes = Lane.allCases
        let list = tasks(of: a, in: f.lane)
        let task = selectedTask(in: a)
        func perform(_ c: Change) -> [Effect] {
            [.perform(c, account: a.id, expected: a.expectation(for: c), origin: .new)]
        }
        func needTask(asking: Bool = true) -> OnboardingTask? {
            if task == nil {
                let reason = "no task selected in the \(f.lane.title) lane"
                if asking {
                    prompt = .refusal(reason)
                } else {
                    status = StatusLine(text: reason, isError: true)
                }
            }
            return task
        }
        func ask(_ purpose: Prompt.Purpose, _ label: String, _ text: String = "", from: Day? = nil) {
            prompt = Prompt(
                purpose: purpose, label: label, text: text, expected: Prompt.expectation(purpose, in: a), from: from)
        }

        switch command {
        case .back:
            screen = accountReturn
            focus = nil
            if screen == .stalled { stalledSelected = a.id }
        case .touchpoints:
            screen = .touchpoints(a.id)
            touchpointIndex = a.touchpoints.firstIndex { $0.state == nil } ?? max(0, a.touchpoints.count - 1)
            return []
        case .timeline:
            openTimeline(a)
            return []
        case .history:
            screen = .history(a.id)
            history = []
            historyTop = 0
            return [.loadHistory(a.id)]
        case .markReviewed:
            return [.perform(.markReviewed, account: a.id, expected: nil, origin: .new)]
        case .followUp:
            prompt = Prompt(purpose: .nextStep, label: "reviewed \(a.name) — the next step", text: "", account: a.id)
            return []
        case .moveUp, .moveDown, .top, .bottom, .pageUp, .pageDown:
            guard !list.isEmpty else { return [] }
            let i = list.firstIndex { $0.id == task?.id } ?? 0
            let page = max(1, height / 3)
            let to: Int
            switch command {
            case .moveUp: to = i - 1
            case .moveDown: to = i + 1
            case .top: to = 0
            case .bottom: to = list.count - 1
            case .pageUp: to = i - page
            default: to = i + page
            }
            f.selected[f.lane] = list[max(0, min(list.count - 1, to))].id
            f.onCheckpoint = false
            focus = f
        case .nextLane, .previousLane:
            let i = lanes.firstIndex(of: f.lane) ?? 0
            f.lane = lanes[(i + (command == .nextLane ? 1 : lanes.count - 1)) % lanes.count]
            f.onCheckpoint = false
            focus = f
        case .previousCheckpoint, .nextCheckpoint:
            let ordered = a.checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            guard !ordered.isEmpty else { return [] }
            let i = ordered.firstIndex { $0.id == selectedCheckpoint(in: a)?.id } ?? 0
            f.checkpoint = ordered[max(0, min(ordered.count - 1, i + (command == .nextCheckpoint ? 1 : -1)))].id
            f.onCheckpoint = true
            focus = f
        case .toggleDone:
            guard let t = needTask(asking: false) else { return [] }
            if t.lane == .approval {
                return perform(
                    .setTaskStatus(task: t.id, to: t.status == .approved ? .pending : .approved, reason: nil))
            }
            return perform(.setTaskStatus(task: t.id, to: t.status == .done ? .open : .done, reason: nil))
        case .reject:
            guard let t = needTask() else { return [] }
            guard t.lane == .approval else {
                prompt = .refusal("only approvals can be rejected (this is the \(t.lane.title) lane)")
                return []
            }
            ask(.rejectReason(task: t.id), "reject '\(t.title)' — reason")
        case .block:
            guard let t = needTask() else { return [] }
            guard t.lane != .approval else {
                prompt = .refusal("an approval is approved or rejected, not blocked")
                return []
            }
            if t.status == .blocked { return perform(.setTaskStatus(task: t.id, to: .open, reason: nil)) }
            ask(.blockReason(task: t.id), "block '\(t.title)' — reason")
        case .markWaiting:
            guard let t = needTask(asking: false) else { return [] }
            guard t.lane != .approval else {
                status = StatusLine(text: "an approval is pending until approved or rejected", isError: true)
                return []
            }
            return perform(.setTaskStatus(task: t.id, to: t.status == .waiting ? .open : .waiting, reason: nil))
        case .markInProgress:
            guard let t = needTask(asking: false) else { return [] }
            guard t.lane != .approval else {
                status = StatusLine(text: "an approval is pending until approved or rejected", isError: true)
                return []
            }
            return perform(.setTaskStatus(task: t.id, to: t.status == .inProgress ? .open : .inProgress, reason: nil))
        case .skip:
            guard let t = needTask() else { return [] }
            guard t.lane != .approval else {
                prompt = .refusal("an approval is approved or rejected, not skipped")
                return []
            }
            if t.status == .skipped { return perform(.setTaskStatus(task: t.id, to: .open, reason: nil)) }
            ask(.skipReason(task: t.id), "skip '\(t.title)' — reason")
        case .deleteTask:
            guard let t = needTask() else { return [] }
            ask(.deleteReason(task: t.id), "delete '\(t.title)' — reason (Esc keeps it; u brings it back)")
        case .waitsOn:
            guard let t = needTask() else { return [] }
            ask(.waitsOn(task: t.id), "'\(t.title)' waits on (Tab completes; one it waits on already: no longer)")
        case .linkCheckpoint:
            guard let t = needTask() else { return [] }
            let now = a.checkpoint(t.checkpointID)?.name ?? ""
            ask(.leadsTo(task: t.id), "'\(t.title)' leads to checkpoint (Tab completes; empty: none)", now)
        case .editHandoff:
            prompt = AppState.handoffPrompt(step: 0, draft: a.handoff, account: a.id, expected: .account(a.version))
        case .addTask:
            ask(.newTaskTitle(lane: f.lane), "new \(f.lane.title.lowercased()) task — title")
        case .editTitle:
            guard let t = needTask() else { return [] }
            ask(.editTitle(task: t.id), "title", t.title)
        case .changeDue:
            guard let t = needTask() else { return [] }
            ask(.due(task: t.id), Prompt.dateLabel("new due", from: t.due), t.due.iso, from: t.due)
        case .moveCheckpoint:
            guard let c = selectedCheckpoint(in: a) else {
                prompt = .refusal("\(a.name) has no checkpoint to move")
                return []
            }
            if let on = c.achievedOn {
                prompt = .refusal("\(c.name) was achieved on \(on.iso): its date stays")
                return []
            }
            ask(
                .checkpointDue(checkpoint: c.id), Prompt.dateLabel("\(c.name) due", from: c.due), c.due.iso, from: c.due
            )
        case .moveGoLive:
            guard a.isActive else {
                prompt = .refusal("\(a.name) has completed onboarding")
                return []
            }
            if let live = a.checkpoints.first(where: { $0.milestone == .goLive }), let on = live.achievedOn {
                prompt = .refusal("\(a.name) went live on \(on.iso): the date stays")
                return []
            }
            ask(
                .checkpointDue(checkpoint: nil), Prompt.dateLabel("go-live", from: a.goLive), a.goLive.iso,
                from: a.goLive)
        case .reassign:
            guard let t = needTask() else { return [] }
            ask(.owner(task: t.id), "owner of '\(t.title)'", t.owner)
        case .addNote:
            ask(.note, "note on \(a.name)")
        case .achieveCheckpoint:
            guard let c = selectedCheckpoint(in: a) else {
                prompt = .refusal("\(a.name) has no checkpoint to achieve")
                return []
            }
            if !c.isAchieved, let ahead = a.stageAhead(of: c) {
                ask(
                    .checkpointOverride(checkpoint: c.id),
                    "\(c.name) belongs to \(ahead.name), not reached yet — override reason (Esc keeps it open)")
                return []
            }
            if c.customerConfirms && !c.isAchieved {
                ask(
                    .customerConfirmation(checkpoint: c.id, override: nil),
                    "\(c.name) needs the customer's confirmation — confirmed by",
                    a.handoff.stakeholders.first?.name ?? "")
                return []
            }
            return perform(.achieveCheckpoint(checkpoint: c.id, confirmedBy: nil))
        case .advanceStage:
            let unmet = a.unmetGates()
            if unmet.isEmpty { return perform(.advanceStage(overrideReason: nil)) }
            ask(
                .overrideReason,
                "cannot leave \(a.stage.name): \(unmet.joined(separator: "; ")) — override reason (Esc keeps the stage)"
            )
        case .escalate:
            ask(.escalationReason, AppState.escalationLabel(a))
        case .resolveEscalation:
            guard let e = a.escalation else {
                prompt = .refusal("\(a.name) is not escalated")
                return []
            }
            ask(.resolution, "resolve the escalation (\(e.reason)) — what resolved it")
        case .hold:
            guard a.isActive else {
                prompt = .refusal("\(a.name) has completed onboarding")
                return []
            }
            prompt = AppState.holdPrompt(a)
        default:
            break
        }
        return []
    }
}
