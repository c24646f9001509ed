/// What a user can do to an account. Each change becomes one transaction and one event.
public enum Change: Hashable, Sendable {
    case setTaskStatus(task: Int64, to: TaskStatus, reason: String?)
    case addTask(lane: Lane, title: String, owner: String, due: Day, checkpoint: Int64?)
    case editTaskTitle(task: Int64, title: String)
    case setTaskDue(task: Int64, due: Day)
    case reassignTask(task: Int64, owner: String)
    case addNote(text: String, task: Int64?)
    case achieveCheckpoint(checkpoint: Int64, confirmedBy: String?)
    case advanceStage(overrideReason: String?)
    case escalate(reason: String)
    case clearEscalation
    case reassignCSM(to: String)
    case markReviewed
    /// Takes back `event` by restoring the account as it was just before it. Refused when
    /// the account changed since: undo never overwrites someone else's later change.
    case undo(snapshot: Account, of: Event)
}
