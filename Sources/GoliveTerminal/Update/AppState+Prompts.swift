import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
    /// An escalation starts from an empty reason; one in force is named in the question.
    static func escalationLabel(_ a: Account) -> String {
        "escalate \(a.name)" + (a.escalation.map { " (now: \($0.reason))" } ?? "") + " — reason"
    }

    mutating func promptKey(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        switch key {
        case .escape, .ctrl("c"):
            if p.purpose == .filter { filter = "" }
            prompt = nil
            status = StatusLine(text: "cancelled", isError: false)
            return []
        case .backspace:
            p.deleteBackward()
            p.problem = nil
        case .delete:
            p.deleteForward()
            p.problem = nil
        case .left, .right:
            p.moveCursor(by: key == .left ? -1 : 1)
        case .home, .ctrl("a"):
            p.moveCursor(toEnd: false)
        case .end, .ctrl("e"):
            p.moveCursor(toEnd: true)
        case .ctrl("u"):
            p.clear()
        case .tab where p.purpose.asksForAName:
            complete(&p)
        case .char("+"), .char("-"):
            // Over the selected date the question opened with, + starts days to move by
            // ("+", then "+7", or + again: "+2"); a date typed in whole moves a day.
            if let moved = p.stepped(by: key == .char("+") ? 1 : -1) {
                p.replace(with: moved)
            } else if case .char(let c) = key {
                p.insert(c)
            }
            p.problem = nil
        case .char(let c):
            p.insert(c)
            p.problem = nil
            p.completionStem = nil
        case .enter:
            if let needs = p.purpose.needs, p.text.trimmingCharacters(in: .whitespaces).isEmpty {
                // An empty answer keeps the question open: Enter is no way to cancel.
                p.problem = "\(needs) is needed (Esc cancels)"
                prompt = p
                return []
            }
            prompt = nil
            return submit(p)
        default:
            return []
        }
        prompt = p
        if p.purpose == .filter { filter = p.text }
        return []
    }

    mutating func submit(_ p: Prompt) -> [Effect] {
        let text = p.text.trimmingCharacters(in: .whitespaces)
        if p.purpose == .filter {
            filter = text
            return []
        }
        if case .refusal(let reason) = p.purpose {
            status = StatusLine(text: "nothing was changed: \(reason)", isError: true)
            return []
        }
        guard let a = p.account.flatMap({ accounts[$0] }) ?? currentAccount else { return [] }
        func perform(_ c: Change) -> [Effect] {
            [.perform(c, account: a.id, expected: p.expected ?? a.expectation(for: c), origin: .new)]
        }
        switch p.purpose {
        case .filter: return []
        case .refusal: return []
        case .blockReason(let t): return perform(.setTaskStatus(task: t, to: .blocked, reason: text))
        case .rejectReason(let t): return perform(.setTaskStatus(task: t, to: .rejected, reason: text))
        case .skipReason(let t): return perform(.setTaskStatus(task: t, to: .skipped, reason: text))
        case .deleteReason(let t): return perform(.deleteTask(task: t, reason: text))
        case .waitsOn(let t):
            let matches = a.tasks.filter { $0.id != t && Folded.fold($0.title) == Folded.fold(text) }
            guard matches.count == 1, let other = matches.first, let task = a.task(t) else {
                var again = p
                again.problem = matches.isEmpty ? "no task is called '\(text)'" : "two tasks are called '\(text)'"
                prompt = again
                return []
            }
            return perform(.setDependency(task: t, on: other.id, waits: !task.dependsOn.contains(other.id)))
        case .leadsTo(let t):
            if text.isEmpty { return perform(.linkTask(task: t, checkpoint: nil)) }
            guard let c = a.checkpoints.first(where: { Folded.fold($0.name) == Folded.fold(text) }) else {
                var again = p
                again.problem = "no checkpoint is called '\(text)'"
                prompt = again
                return []
            }
            return perform(.linkTask(task: t, checkpoint: c.id))
        case .newTaskTitle(let lane):
            guard !text.isEmpty else {
                status = StatusLine(text: "the title cannot be empty", isError: true)
                return []
            }
            prompt = Prompt(
                purpose: .newTaskOwner(lane: lane, title: text), label: "owner of '\(text)'",
                text: lane == .internal ? a.csm : a.handoff.stakeholders.first?.name ?? "")
        case .newTaskOwner(let lane, let title):
            guard !text.isEmpty else {
                status = StatusLine(text: "the owner cannot be empty", isError: true)
                return []
            }
            prompt = Prompt(
                purpose: .newTaskDue(lane: lane, title: title, owner: text), label: Prompt.dateLabel("due", from: nil),
                text: (today + 7).iso)
        case .newTaskDue(let lane, let title, let owner):
            guard let due = p.meantDay(today: today) else { return askAgain(p, notADate: text) }
            let checkpoint = selectedCheckpoint(in: a).flatMap { $0.isAchieved ? nil : $0.id }
            return perform(.addTask(lane: lane, title: title, owner: owner, due: due, checkpoint: checkpoint))
        case .editTitle(let t): return perform(.editTaskTitle(task: t, title: text))
        case .due(let t):
            guard let due = p.meantDay(today: today) else { return askAgain(p, notADate: text) }
            let pushed = a.pushedOut(byMoving: t, to: due)
            if pushed.isEmpty { return perform(.setTaskDue(task: t, due: due)) }
            // A move that could not be saved keeps the date question open, saying why.
            if let refused = refusal(of: .setTaskDue(task: t, due: due, shift: true, reason: "-"), on: a) {
                return askAgain(p, refused)
            }
            // Never answered ahead of the user: Enter alone asks again, saying what y and n do.
            prompt = Prompt(
                purpose: .shiftPushed(task: t, due: due, shown: pushed), label: AppState.pushedLabel(pushed, in: a),
                text: "", account: p.account, expected: p.expected)
        case .shiftPushed(let t, let due, let shown):
            switch text.lowercased() {
            case "y", "yes":
                if let changed = replanned(p, now: a.pushedOut(byMoving: t, to: due), was: shown, in: a) {
                    prompt = changed
                    return []
                }
                if shown.checkpoints.isEmpty { return perform(.setTaskDue(task: t, due: due, shift: true)) }
                // A checkpoint never moves without a reason: one for the whole move.
                prompt = Prompt(
                    purpose: .shiftReason(task: t, due: due, shown: shown),
                    label: AppState.shiftReasonLabel(shown, task: a.task(t), in: a), text: "", account: p.account,
                    expected: p.expected)
            case "n", "no": return perform(.setTaskDue(task: t, due: due))
            default:
                var again = p
                again.problem = "y moves them too, n only this task (Esc: nothing)"
                prompt = again
            }
        case .shiftReason(let t, let due, let shown):
            if let changed = replanned(p, now: a.pushedOut(byMoving: t, to: due), was: shown, in: a) {
                prompt = changed
                return []
            }
            return perform(.setTaskDue(task: t, due: due, shift: true, reason: text))
        case .checkpointDue(let c):
            guard let day = p.meantDay(today: today) else { return askAgain(p, notADate: text) }
            let move: Change =
                c.map { .moveCheckpoint(checkpoint: $0, to: day, reason: "-") } ?? .moveGoLive(to: day, reason: "-")
            if let refused = refusal(of: move, on: a) { return askAgain(p, refused) }
            let also = c.map { a.movingCheckpoint($0, to: day) } ?? a.movingGoLive(to: day)
            prompt = Prompt(
                purpose: .moveReason(checkpoint: c, to: day, shown: also),
                label: AppState.moveReasonLabel(c.flatMap { a.checkpoint($0)?.name }, to: day, also: also, in: a),
                text: "", account: p.account, expected: p.expected)
        case .moveReason(let c, let day, let shown):
            let now = c.map { a.movingCheckpoint($0, to: day) } ?? a.movingGoLive(to: day)
            if let changed = replanned(p, now: now, was: shown, in: a) {
                prompt = changed
                return []
            }
            if let c { return perform(.moveCheckpoint(checkpoint: c, to: day, reason: text)) }
            return perform(.moveGoLive(to: day, reason: text))
        case .owner(let t): return perform(.reassignTask(task: t, owner: text))
        case .note: return perform(.addNote(text: text, task: p.account == nil ? selectedTask(in: a)?.id : nil))
        case .customerConfirmation(let c, let override):
            return perform(.achieveCheckpoint(checkpoint: c, confirmedBy: text, overrideReason: override))
        case .checkpointOverride(let c):
            guard let cp = a.checkpoint(c), cp.customerConfirms else {
                return perform(.achieveCheckpoint(checkpoint: c, confirmedBy: nil, overrideReason: text))
            }
            prompt = Prompt(
                purpose: .customerConfirmation(checkpoint: c, override: text),
                label: "\(cp.name) needs the customer's confirmation — confirmed by",
                text: a.handoff.stakeholders.first?.name ?? "", account: p.account, expected: p.expected)
        case .overrideReason: return perform(.advanceStage(overrideReason: text))
        case .escalationReason:
            prompt = Prompt(
                purpose: .escalationTo(reason: text), label: "escalated to (a level or a person)",
                text: a.escalation?.to ?? "", account: p.account, expected: p.expected)
        case .escalationTo(let reason): return perform(.escalate(reason: reason, to: text))
        case .resolution: return perform(.clearEscalation(note: text))
        case .holdReason:
            prompt = Prompt(
                purpose: .holdUntil(reason: text), label: Prompt.dateLabel("resume expected on", from: nil),
                text: (today + 14).iso, account: p.account, expected: p.expected)
        case .holdUntil(let reason):
            guard let until = p.meantDay(today: today) else { return askAgain(p, notADate: text) }
            return perform(.hold(reason: reason, until: until))
        case .resumeNote:
            let note = text.isEmpty ? nil : text
            guard let shift = a.holdShift(resumingOn: today) else { return perform(.resume(note: note)) }
            // Never answered ahead of the user: Enter alone asks again, saying what y and n do.
            prompt = Prompt(
                purpose: .resumeShift(note: note), label: AppState.resumeShiftLabel(shift), text: "",
                account: p.account, expected: p.expected)
        case .resumeShift(let note):
            switch text.lowercased() {
            case "y", "yes": return perform(.resume(note: note, shiftPlan: true))
            case "n", "no": return perform(.resume(note: note))
            default:
                var again = p
                again.problem = "y moves the open plan too, n only resumes (Esc: nothing)"
                prompt = again
            }
        case .nextStep:
            prompt = Prompt(
                purpose: .followUpDay(step: text), label: Prompt.dateLabel("follow up on", from: nil),
                text: (today + 7).iso,
                account: p.account)
        case .followUpDay(let step):
            guard let day = p.meantDay(today: today) else { return askAgain(p, notADate: text) }
            return perform(.followUp(nextStep: step, on: day))
        case .touchpointOutcome(let t): return perform(.markTouchpoint(touchpoint: t, state: .held, outcome: text))
        case .newTouchpointDay:
            guard let day = p.meantDay(today: today) else { return askAgain(p, notADate: text) }
            prompt = Prompt(
                purpose: .newTouchpointAudience(day: day), label: "touchpoint \(day.iso) — audience (who attends)",
                text: "", account: p.account)
        case .newTouchpointAudience(let day):
            prompt = Prompt(
                purpose: .newTouchpointChannel(day: day, audience: text), label: "channel (call, video, on-site, mail)",
                text: "", account: p.account)
        case .newTouchpointChannel(let day, let audience):
            prompt = Prompt(
                purpose: .newTouchpointObjective(day: day, audience: audience, channel: text), label: "objective",
                text: "", account: p.account)
        case .newTouchpointObjective(let day, let audience, let channel):
            return perform(.addTouchpoint(on: day, audience: audience, channel: channel, objective: text))
        case .handoff(let step, var draft):
            switch step {
            case 0: draft.goals = text
            case 1: draft.requirements = text
            case 2:
                guard let people = Handoff.stakeholders(from: text) else {
                    var again = p
                    again.problem = "write stakeholders as role: name <mail or phone>; role: name"
                    prompt = again
                    return []
                }
                draft.stakeholders = people
            default: draft.promises = text
            }
            if step >= 3 { return perform(.editHandoff(draft)) }
            prompt = AppState.handoffPrompt(step: step + 1, draft: draft, account: p.account, expected: p.expected)
        case .csm(let new):
            guard let csm = knownCSM(p, new: new) else { return [] }
            // Offered, never done unasked: the old CSM may keep work they are in the middle of.
            let theirs = a.openInternalTasks(of: a.csm).count
            guard theirs > 0, csm != a.csm else { return perform(.reassignCSM(to: csm)) }
            prompt = Prompt(
                purpose: .csmTasks(csm: csm),
                label: "also give \(a.csm)'s \(plural(theirs, "open internal task")) to \(csm)? (y/n)", text: "",
                account: p.account, expected: p.expected)
        case .csmTasks(let csm):
            switch text.lowercased() {
            case "y", "yes": return perform(.reassignCSM(to: csm, moveTasks: true))
            case "n", "no": return perform(.reassignCSM(to: csm))
            default:
                var again = p
                again.problem = "y gives the tasks too, n only the account (Esc: nothing)"
                prompt = again
            }
        }
        return []
    }

    /// "y/n — also moves 'Configure SSO' 12-10 → 12-13, Go-live 12-20 → 12-23" (the first three
    /// named; y/n first, so a narrow screen still shows what is asked); a wrong answer says
    /// what y and n do.
    static func pushedLabel(_ pushed: PushedOut, in a: Account) -> String {
        "y/n — also moves " + alsoMoves(pushed, in: a)
    }

    /// "why do Integration live, Go-live move with 'Build'?": the one reason for the move.
    static func shiftReasonLabel(_ pushed: PushedOut, task: OnboardingTask?, in a: Account) -> String {
        let names = pushed.checkpoints.compactMap { a.checkpoint($0.id)?.name }
        let verb = names.count == 1 ? "does" : "do"
        let more = names.count > 3 ? " and \(names.count - 3) more" : ""
        return "why \(verb) \(names.prefix(3).joined(separator: ", "))\(more) move with '\(task?.title ?? "the task")'?"
    }

    /// "why does Go-live move to 2027-01-20? (also moves Transition to success 01-05 → 01-19)".
    static func moveReasonLabel(_ checkpoint: String?, to day: Day, also: PushedOut, in a: Account) -> String {
        "why does \(checkpoint ?? "the go-live") move to \(day.iso)?"
            + (also.isEmpty ? "" : " (also moves \(alsoMoves(also, in: a)))")
    }

    /// What moves with a move, the first three named: "'Test' 01-17 → 01-21 and 2 more".
    static func alsoMoves(_ pushed: PushedOut, in a: Account) -> String {
        let named = pushed.words(in: a, day: Renderer.short)
        let more = named.count > 3 ? " and \(named.count - 3) more" : ""
        return named.prefix(3).joined(separator: ", ") + more
    }

    /// Why `change` could not be saved on `a` as it stands, or nil: asked before the reason,
    /// so a move that cannot be keeps its date question open.
    func refusal(of change: Change, on a: Account) -> String? {
        do {
            _ = try a.applying(change, ChangeContext(who: user.isEmpty ? "-" : user, now: "", today: today))
            return nil
        } catch {
            return error.message
        }
    }

    /// The question again, naming what moves now, when the plan changed since it was asked
    /// (another pane moved a date): what is saved is always what was shown.
    func replanned(_ p: Prompt, now: PushedOut, was: PushedOut, in a: Account) -> Prompt? {
        guard now != was else { return nil }
        var again = p
        switch p.purpose {
        case .shiftPushed(let t, let due, _):
            again.purpose = .shiftPushed(task: t, due: due, shown: now)
            again.label = AppState.pushedLabel(now, in: a)
        case .shiftReason(let t, let due, _):
            again.purpose = .shiftPushed(task: t, due: due, shown: now)
            again.label = AppState.pushedLabel(now, in: a)
            again.text = ""
        case .moveReason(let c, let day, _):
            again.purpose = .moveReason(checkpoint: c, to: day, shown: now)
            again.label = AppState.moveReasonLabel(c.flatMap { a.checkpoint($0)?.name }, to: day, also: now, in: a)
        default: return nil
        }
        again.problem = "the plan changed meanwhile: this is what moves now"
        // What the user now confirms is the plan as it is now: the row's version with it.
        again.expected = Prompt.expectation(again.purpose, in: a)
        return again
    }

    /// "move the open plan 12 days later (to go-live 2027-02-03)? (y/n)".
    static func resumeShiftLabel(_ shift: HoldShift) -> String {
        let to = shift.goLive.map { " (to go-live \($0.iso))" } ?? ""
        return "move the open plan \(plural(shift.days, "day")) later\(to)? (y/n)"
    }

    /// P: on hold, the question ends it; otherwise it starts one.
    static func holdPrompt(_ a: Account) -> Prompt {
        guard let h = a.currentHold else {
            return Prompt(
                purpose: .holdReason, label: "put \(a.name) on hold — reason (a freeze, a re-scope)", text: "",
                account: a.id, expected: .account(a.version))
        }
        return Prompt(
            purpose: .resumeNote,
            label: "resume \(a.name), on hold since \(h.from.iso) (\(h.reason)) — note (optional)",
            text: "", account: a.id, expected: .account(a.version))
    }

    /// A date that is not one keeps the question open, saying so, with the typing kept.
    mutating func askAgain(_ p: Prompt, notADate text: String) -> [Effect] {
        askAgain(p, "'\(text)' is not a date")
    }

    /// The question stays open with `problem` on it, the typing kept.
    mutating func askAgain(_ p: Prompt, _ problem: String) -> [Effect] {
        var again = p
        again.problem = problem
        prompt = again
        return []
    }

    /// Tab in a name question: the first known name that starts with what was typed, and
    /// the next one at each Tab after it.
    mutating func complete(_ p: inout Prompt) {
        // Tab over a selected answer completes it; Tab after typing, what was typed.
        let stem = p.completionStem ?? p.text
        let folded = Folded.fold(stem)
        let matches = knownNames(for: p).filter { Folded.fold($0).hasPrefix(folded) }
        guard !matches.isEmpty else {
            p.problem = "no known name starts with '\(stem)'"
            return
        }
        let next = matches.firstIndex(of: p.text).map { ($0 + 1) % matches.count } ?? 0
        p.replace(with: matches[next])
        p.selected = false
        p.completionStem = stem
        p.problem = nil
    }

    /// The names a name question may mean: the CSMs for a CSM; for an owner or a confirmer,
    /// the people of the account (task owners, stakeholders, CSM, sales owner), and for an
    /// owner the team's CSMs too.
    func knownNames(for p: Prompt) -> [String] {
        if case .csm = p.purpose { return rows.csmNames.sorted() }
        guard let a = p.account.flatMap({ accounts[$0] }) ?? currentAccount else { return [] }
        switch p.purpose {
        case .waitsOn(let t): return a.tasks.filter { $0.id != t }.map(\.title)
        case .leadsTo: return a.checkpoints.map(\.name)
        default: break
        }
        var people = a.tasks.map(\.owner) + a.handoff.stakeholders.map(\.name) + [a.csm, a.salesOwner]
        // A task of ours can go to any CSM of the team, not only to people of this account.
        switch p.purpose {
        case .owner, .newTaskOwner: people += rows.csmNames
        default: break
        }
        return Array(Set(people.filter { !$0.isEmpty })).sorted()
    }

    /// The question for one field of the handoff record, filled with what it holds now.
    static func handoffPrompt(step: Int, draft: Handoff, account: Int64?, expected: RowVersion?) -> Prompt {
        let (label, text): (String, String) =
            switch step {
            case 0: ("handoff 1/4 — the customer's goals", draft.goals)
            case 1: ("handoff 2/4 — technical requirements", draft.requirements)
            case 2: ("handoff 3/4 — stakeholders (role: name <mail or phone>; role: name)", draft.stakeholderText)
            default: ("handoff 4/4 — promises made by Sales ('none' if none)", draft.promises)
            }
        return Prompt(
            purpose: .handoff(step: step, draft: draft), label: label, text: text, account: account, expected: expected)
    }
}
