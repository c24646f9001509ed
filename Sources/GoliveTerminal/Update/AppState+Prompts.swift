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
        case .backspace, .delete:
            if !p.text.isEmpty { p.text.removeLast() }
            p.problem = nil
        case .ctrl(let c) where c == "u":
            p.text = ""
        case .char("+"), .char("-"):
            if p.purpose.asksForADate, let d = Day(iso: p.text) {
                p.text = (d + (key == .char("+") ? 1 : -1)).iso
            } else if case .char(let c) = key {
                p.text.append(c)
            }
        case .char(let c):
            if p.text.count < 500 { p.text.append(c) }
            p.problem = nil
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
                purpose: .newTaskDue(lane: lane, title: title, owner: text), label: "due (YYYY-MM-DD, +/- a day)",
                text: (today + 7).iso)
        case .newTaskDue(let lane, let title, let owner):
            guard let due = Day(iso: text) else {
                status = StatusLine(text: "'\(text)' is not a date (YYYY-MM-DD)", isError: true)
                return []
            }
            let checkpoint = selectedCheckpoint(in: a).flatMap { $0.isAchieved ? nil : $0.id }
            return perform(.addTask(lane: lane, title: title, owner: owner, due: due, checkpoint: checkpoint))
        case .editTitle(let t): return perform(.editTaskTitle(task: t, title: text))
        case .due(let t):
            guard let due = Day(iso: text) else {
                status = StatusLine(text: "'\(text)' is not a date (YYYY-MM-DD)", isError: true)
                return []
            }
            return perform(.setTaskDue(task: t, due: due))
        case .owner(let t): return perform(.reassignTask(task: t, owner: text))
        case .note: return perform(.addNote(text: text, task: p.account == nil ? selectedTask(in: a)?.id : nil))
        case .customerConfirmation(let c): return perform(.achieveCheckpoint(checkpoint: c, confirmedBy: text))
        case .overrideReason: return perform(.advanceStage(overrideReason: text))
        case .escalationReason: return perform(.escalate(reason: text))
        case .csm: return perform(.reassignCSM(to: text))
        }
        return []
    }
}
