/// The row a change edits and the version the user's screen showed of it. A change made
/// on a stale view of that row is refused, never silently written over someone else's.
public enum RowVersion: Hashable, Sendable {
    case account(Int)
    case task(Int64, Int)
    case checkpoint(Int64, Int)
}

extension Account {
    /// What `change` edits, at its version in this copy of the account; nil for changes
    /// that cannot overwrite anything (a new task, a note, a review).
    public func expectation(for change: Change) -> RowVersion? {
        switch change {
        case .setTaskStatus(let id, _, _), .editTaskTitle(let id, _), .setTaskDue(let id, _, _, _),
            .reassignTask(let id, _),
            .deleteTask(let id, _), .setDependency(let id, _, _), .linkTask(let id, _):
            return task(id).map { .task(id, $0.version) }
        case .achieveCheckpoint(let id, _, _), .moveCheckpoint(let id, _, _, _):
            return checkpoint(id).map { .checkpoint(id, $0.version) }
        case .advanceStage, .escalate, .clearEscalation, .reassignCSM, .editHandoff, .hold, .resume, .moveGoLive,
            .markTouchpoint:
            return .account(version)
        // Undo and redo check each row they put back, inside the change itself.
        case .addTask, .addNote, .addTouchpoint, .markReviewed, .followUp, .undo, .redo:
            return nil
        }
    }

    /// Whether the row `expected` names is still at that version here.
    public func isCurrent(_ expected: RowVersion) -> Bool {
        switch expected {
        case .account(let v): return version == v
        case .task(let id, let v): return task(id)?.version == v
        case .checkpoint(let id, let v): return checkpoint(id)?.version == v
        }
    }
}
