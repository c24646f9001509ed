import Testing

@testable import GoliveDomain

struct UndoTests {
    let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)

    @Test func undoRestoresTheAccountAsItWasAndRecordsWhatItTookBack() throws {
        let before = makeAccount(tasks: [task(1, "Build", status: .inProgress, since: day("2026-01-03"))])
        let (after, e) = try before.applying(.setTaskStatus(task: 1, to: .done, reason: nil), ctx)
        let (undone, ue) = try after.applying(.undo(snapshot: before, of: e), ctx)
        #expect(undone.tasks == before.tasks)  // status, since and finish day exactly as they were
        #expect(undone.version == after.version + 1)
        #expect(ue.kind == "undo" && ue.before == "done" && ue.after == "in_progress" && ue.taskID == 1)
    }

    @Test func undoingAnAddedTaskRemovesIt() throws {
        let before = makeAccount()
        let (after, e) = try before.applying(
            .addTask(lane: .internal, title: "New", owner: "Ana", due: signed, checkpoint: nil), ctx)
        #expect(try after.applying(.undo(snapshot: before, of: e), ctx).0.tasks.isEmpty)
    }

    @Test func undoIsRefusedOnceTheAccountChangedAgain() throws {
        let before = makeAccount(tasks: [task(1, "Build")])
        let (after, e) = try before.applying(.setTaskStatus(task: 1, to: .done, reason: nil), ctx)
        let (later, _) = try after.applying(.addNote(text: "someone else", task: nil), ctx)
        #expect(throws: Refusal("Acme changed since that change: nothing undone")) {
            try later.applying(.undo(snapshot: before, of: e), ctx)
        }
    }
}
