extension Event {
    /// What happened, in words a user reads on the status line and in the history (never
    /// an event kind such as `task.status`).
    public func words(in a: Account) -> String {
        let task = taskID.flatMap { a.task($0) }.map { "'\($0.title)'" } ?? "a task"
        let checkpoint = checkpointID.flatMap { a.checkpoint($0) }?.name ?? "a checkpoint"
        func status(_ s: String?) -> String { s.flatMap(TaskStatus.init(rawValue:))?.title ?? s ?? "?" }
        func stage(_ k: String?) -> String {
            k == "completed" ? "completed" : a.stages.first { $0.key == k }?.name ?? k ?? "?"
        }
        let why = detail.map { " (\($0))" } ?? ""
        switch kind {
        case "task.status": return "\(task) \(status(before)) → \(status(after))\(why)"
        case "task.added": return "added '\(after ?? "")'\(why)"
        case "task.deleted": return "deleted '\(before ?? "")'\(why)"
        case "task.dependency":
            return after.map { "\(task) now waits on '\($0)'" } ?? "\(task) no longer waits on '\(before ?? "")'"
        case "task.checkpoint": return "\(task) leads to \(after ?? "no checkpoint") (was \(before ?? "none"))"
        case "task.title": return "renamed '\(before ?? "")' → '\(after ?? "")'"
        case "task.due": return "\(task) due \(before ?? "?") → \(after ?? "?")" + (detail.map { "; \($0)" } ?? "")
        case "checkpoint.moved": return "\(checkpoint) moved \(before ?? "?") → \(after ?? "?")\(why)"
        case "golive.moved": return "go-live moved \(before ?? "?") → \(after ?? "?")\(why)"
        case "task.owner": return "\(task) owner \(before ?? "?") → \(after ?? "?")"
        case "note": return "note: \(detail ?? "")"
        case "touchpoint.held", "touchpoint.missed", "touchpoint.planned":
            let state = String(kind.dropFirst("touchpoint.".count))
            let said = detail.map { ": \($0)" } ?? ""
            return
                "touchpoint '\(after ?? "")' of \(before ?? "?") \(state == "planned" ? "back to planned" : state)\(said)"
        case "touchpoint.added": return "touchpoint '\(after ?? "")' added for \(before ?? "?")\(why)"
        case "checkpoint.achieved":
            // "First value achieved" is not "achieved" twice.
            let done = checkpoint.lowercased().hasSuffix("achieved") ? checkpoint : "\(checkpoint) achieved"
            return done + why
        case "stage.advanced": return "stage \(stage(before)) → \(stage(after))\(why)"
        case "account.escalated": return "escalated" + (detail.map { " \($0)" } ?? "") + ": \(after ?? "")"
        case "account.deescalated": return "escalation resolved" + (detail.map { ": \($0)" } ?? "")
        case "account.held": return "put on hold until about \(after ?? "?")" + (detail.map { ": \($0)" } ?? "")
        case "account.resumed":
            let days = before.flatMap(Day.init(iso:)).flatMap { from in after.flatMap(Day.init(iso:)).map { $0 - from }
            }
            return "resumed" + (days.map { " after \(plural($0, "day")) on hold" } ?? "")
                + (detail.map { ": \($0)" } ?? "")
        case "account.csm": return "CSM \(before ?? "?") → \(after ?? "?")" + (detail.map { " \($0)" } ?? "")
        case "account.reviewed":
            guard let step = detail else { return "marked reviewed" }
            return "marked reviewed; next: \(step)" + (after.map { ", follow up on \($0)" } ?? "")
        case "handoff.edited": return "handoff record edited (\(detail ?? ""))"
        case "account.created": return "account created\(why)"
        // The detail of an undo is the words of what it took back, written when it happened.
        case Event.undoKind: return "undone: \(detail ?? "a change")"
        case Event.redoKind: return "redone: \(detail ?? "a change")"
        default: return "a change to \(a.name)"
        }
    }

    static let undoKind = "undo"
    static let redoKind = "redo"
}
