import GoliveDomain

/// Events in words, for the status line and history.
public enum Describe {
    public static func event(_ e: Event, in a: Account) -> String {
        let task = e.taskID.flatMap { a.task($0) }.map { "'\($0.title)'" } ?? "a task"
        let checkpoint = e.checkpointID.flatMap { a.checkpoint($0) }?.name ?? "a checkpoint"
        func status(_ s: String?) -> String { s.flatMap(TaskStatus.init(rawValue:))?.title ?? s ?? "?" }
        func stage(_ k: String?) -> String {
            k == "completed" ? "completed" : a.stages.first { $0.key == k }?.name ?? k ?? "?"
        }
        let why = e.detail.map { " (\($0))" } ?? ""
        switch e.kind {
        case "task.status": return "\(task) \(status(e.before)) → \(status(e.after))\(why)"
        case "task.added": return "added '\(e.after ?? "")'\(why)"
        case "task.title": return "renamed '\(e.before ?? "")' → '\(e.after ?? "")'"
        case "task.due": return "\(task) due \(e.before ?? "?") → \(e.after ?? "?")"
        case "task.owner": return "\(task) owner \(e.before ?? "?") → \(e.after ?? "?")"
        case "note": return "note: \(e.detail ?? "")"
        case "checkpoint.achieved": return "\(checkpoint) achieved\(why)"
        case "stage.advanced": return "stage \(stage(e.before)) → \(stage(e.after))\(why)"
        case "account.escalated": return "escalated: \(e.after ?? "")"
        case "account.deescalated": return "escalation cleared"
        case "account.csm": return "CSM \(e.before ?? "?") → \(e.after ?? "?")"
        case "account.reviewed": return "marked reviewed"
        case "account.created": return "account created\(why)"
        case "undo": return e.detail ?? "undo"
        default: return e.kind
        }
    }
}
