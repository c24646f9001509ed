/// What a user can do to an account. Each change becomes one transaction and one event.
public enum Change: Hashable, Sendable {
    case setTaskStatus(task: Int64, to: TaskStatus, reason: String?)
    case addTask(lane: Lane, title: String, owner: String, due: Day, checkpoint: Int64?)
    case editTaskTitle(task: Int64, title: String)
    /// With `shift`, the work it pushes out (`Account.pushedOut`) moves with it, and then
    /// needs `reason` if a checkpoint moves (a checkpoint never moves without one).
    case setTaskDue(task: Int64, due: Day, shift: Bool = false, reason: String? = nil)
    /// A checkpoint's due date moves, with why; the first plan stays as the baseline. The
    /// go-live checkpoint takes the target go-live with it, and the plan's order the
    /// checkpoints it carries (`Account.movingCheckpoint`) — or, with `only`, the move is
    /// refused when it would carry any.
    case moveCheckpoint(checkpoint: Int64, to: Day, reason: String, only: Bool = false)
    /// The target go-live moves (the go-live checkpoint's due date, where there is one).
    case moveGoLive(to: Day, reason: String, only: Bool = false)
    case reassignTask(task: Int64, owner: String)
    /// Removes a task, with why; the tasks that waited on it no longer do. Undo brings both
    /// back.
    case deleteTask(task: Int64, reason: String)
    /// Makes `task` wait on `on`, or stop waiting on it. A wait that would close a cycle is
    /// refused.
    case setDependency(task: Int64, on: Int64, waits: Bool)
    /// Links a task to the checkpoint its work leads to, or to none.
    case linkTask(task: Int64, checkpoint: Int64?)
    case addNote(text: String, task: Int64?)
    /// A touchpoint held (with what came of it), missed, or back to planned (`state` nil).
    case markTouchpoint(touchpoint: Int64, state: TouchpointState?, outcome: String? = nil)
    /// An ad-hoc touchpoint, beside the playbook's.
    case addTouchpoint(on: Day, audience: String, channel: String, objective: String)
    /// A checkpoint of a stage not reached yet needs `overrideReason`.
    case achieveCheckpoint(checkpoint: Int64, confirmedBy: String?, overrideReason: String? = nil)
    case advanceStage(overrideReason: String?)
    case escalate(reason: String, to: String? = nil)
    /// Ends an escalation with what resolved it.
    case clearEscalation(note: String? = nil)
    /// Puts the account on hold until about `until`: the stage SLA and stalled clocks stop.
    case hold(reason: String, until: Day)
    /// Ends the hold; the clocks go on from where they stopped. With `shiftPlan`, the open
    /// plan moves later by the days held, in the same change (`Account.holdShift`).
    case resume(note: String? = nil, shiftPlan: Bool = false)
    /// A new CSM; with `moveTasks`, the old CSM's open internal tasks go to the new one in
    /// the same change (one event, taken back whole by undo).
    case reassignCSM(to: String, moveTasks: Bool = false)
    /// Replaces the handoff record (goals, requirements, stakeholders, promises).
    case editHandoff(Handoff)
    case markReviewed
    /// A review that records the next step and the day to follow up on it.
    case followUp(nextStep: String, on: Day)
    /// Takes back `event`: each row it changed (`before` → `after`) goes back to how
    /// `before` had it. Refused when one of those rows changed since, so undo never writes
    /// over a later change; changes to other rows of the account do not stand in its way.
    case undo(before: Account, after: Account, of: Event)
    /// Takes back an undo (`event`), the same way.
    case redo(before: Account, after: Account, of: Event)
}
