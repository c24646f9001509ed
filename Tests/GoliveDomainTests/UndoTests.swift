import Testing

@testable import GoliveDomain

struct UndoTests {
    let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)

    /// Applies `change` and returns a way to undo it on whatever the account became since.
    func change(_ a: Account, _ c: Change) throws -> (after: Account, undo: Change) {
        let (after, e) = try a.applying(c, ctx)
        return (after, .undo(before: a, after: after, of: e))
    }

    @Test func undoRestoresTheRowsAsTheyWereAndRecordsWhatItTookBackInWords() throws {
        let before = makeAccount(tasks: [task(1, "Build", status: .inProgress, since: day("2026-01-03"))])
        let (after, undo) = try change(before, .setTaskStatus(task: 1, to: .done, reason: nil))
        let (undone, ue) = try after.applying(undo, ctx)
        #expect(undone.tasks.map(\.status) == [.inProgress])
        #expect(undone.tasks[0].statusSince == day("2026-01-03") && undone.tasks[0].finishedOn == nil)
        // A row put back gets a new version: a view of the undone state is stale.
        #expect(undone.tasks[0].version == after.tasks[0].version + 1)
        #expect(ue.kind == "undo" && ue.before == "done" && ue.after == "in_progress" && ue.taskID == 1)
        #expect(ue.words(in: undone) == "undone: 'Build' in progress → done")
    }

    @Test func undoingAnAddedTaskRemovesIt() throws {
        let before = makeAccount()
        let (after, undo) = try change(
            before, .addTask(lane: .internal, title: "New", owner: "Ana", due: signed, checkpoint: nil))
        #expect(try after.applying(undo, ctx).0.tasks.isEmpty)
    }

    @Test func changesToOtherRowsSinceDoNotStandInTheWay() throws {
        let a = makeAccount(tasks: [task(1, "Build"), task(2, "Test")])
        let (b, undoFirst) = try change(a, .setTaskStatus(task: 1, to: .done, reason: nil))
        let (c, undoSecond) = try change(b, .setTaskStatus(task: 2, to: .blocked, reason: "no VPN"))
        let (d, _) = try c.applying(.addNote(text: "someone else's note", task: nil), ctx)
        let (e, _) = try d.applying(undoSecond, ctx)
        let (f, _) = try e.applying(undoFirst, ctx)
        #expect(f.tasks.map(\.status) == [.open, .open])
    }

    /// Each row the step touched, changed since by anyone, refuses the step.
    @Test(arguments: [
        (Change.setTaskStatus(task: 1, to: .blocked, reason: "x"), "'Build' changed since: nothing undone"),
        (Change.setTaskDue(task: 1, due: day("2026-02-02")), "'Build' changed since: nothing undone"),
        (Change.editTaskTitle(task: 1, title: "Build it"), "'Build it' changed since: nothing undone"),
    ])
    func undoIsRefusedWhenARowItTouchedChangedSince(_ later: Change, _ message: String) throws {
        let a = makeAccount(tasks: [task(1, "Build")])
        let (b, undo) = try change(a, .setTaskDue(task: 1, due: day("2026-01-30")))
        let (c, _) = try b.applying(later, ctx)
        #expect(throws: Refusal(message)) { try c.applying(undo, ctx) }
    }

    @Test func anAccountLevelChangeIsRefusedOnlyWhenTheAccountsOwnFieldsChangedSince() throws {
        let a = makeAccount(tasks: [task(1, "Build")])
        let (b, undo) = try change(a, .escalate(reason: "sponsor left"))
        let (c, _) = try b.applying(.setTaskStatus(task: 1, to: .done, reason: nil), ctx)
        #expect(try c.applying(undo, ctx).0.escalation == nil)
        let (d, _) = try c.applying(.reassignCSM(to: "Dana"), ctx)
        #expect(throws: Refusal("Acme changed since: nothing undone")) { try d.applying(undo, ctx) }
    }

    @Test func redoPutsBackWhatUndoTookBack() throws {
        let a = makeAccount(tasks: [task(1, "Build")])
        let (b, undo) = try change(a, .setTaskStatus(task: 1, to: .done, reason: nil))
        let (c, ue) = try b.applying(undo, ctx)
        let (d, re) = try c.applying(.redo(before: b, after: c, of: ue), ctx)
        #expect(d.tasks[0].status == .done)
        #expect(re.kind == "redo" && re.words(in: d) == "redone: 'Build' open → done")
        // And undo again, of the redo: the words stay those of the first change.
        let (_, ue2) = try d.applying(.undo(before: c, after: d, of: re), ctx)
        #expect(ue2.words(in: c) == "undone: 'Build' open → done")
    }
}
