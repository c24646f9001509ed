import Testing

@testable import GoliveDomain

/// Reassigning an account's CSM, and with it (when asked) the old CSM's open internal
/// tasks: one change and one event, taken back whole by undo.
struct ReassignCSMTests {
    let ctx = ChangeContext(who: "lead", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)

    /// Acme's CSM is Ana: two open internal tasks of hers, one done, one of Sam's, and a
    /// customer task and an approval she owns.
    static let account = makeAccount(tasks: [
        task(1, "Build", owner: "Ana"),
        task(2, "Test", owner: "Ana", status: .inProgress),
        task(3, "Kickoff deck", owner: "Ana", status: .done),
        task(4, "Provision", owner: "Sam"),
        task(5, "Send logo", lane: .customer, owner: "Ana"),
        task(6, "Sign-off", lane: .approval, owner: "Ana", status: .pending),
    ])

    @Test func movingTasksGivesTheNewCSMTheOldOnesOpenInternalTasksOnly() throws {
        let (after, e) = try Self.account.applying(.reassignCSM(to: "Dana", moveTasks: true), ctx)
        #expect(after.csm == "Dana")
        #expect(after.tasks.map(\.owner) == ["Dana", "Dana", "Ana", "Sam", "Ana", "Ana"])
        // The moved rows move on a version, so a view of them from before is stale.
        #expect(
            after.tasks.map(\.version) == Self.account.tasks.map(\.version).enumerated().map { $0 < 2 ? $1 + 1 : $1 })
        #expect(e.kind == "account.csm" && e.before == "Ana" && e.after == "Dana")
        #expect(e.words(in: after) == "CSM Ana → Dana with 2 open internal tasks")
    }

    @Test func withoutMovingTasksOnlyTheAccountChanges() throws {
        let (after, e) = try Self.account.applying(.reassignCSM(to: "Dana"), ctx)
        #expect(after.csm == "Dana" && after.tasks == Self.account.tasks)
        #expect(e.words(in: after) == "CSM Ana → Dana")
    }

    @Test func undoTakesTheCSMAndEveryMovedTaskBackAtOnce() throws {
        let (after, e) = try Self.account.applying(.reassignCSM(to: "Dana", moveTasks: true), ctx)
        let (back, ue) = try after.applying(.undo(before: Self.account, after: after, of: e), ctx)
        #expect(back.csm == "Ana" && back.tasks.map(\.owner) == Self.account.tasks.map(\.owner))
        #expect(ue.words(in: back) == "undone: CSM Ana → Dana with 2 open internal tasks")
    }

    @Test func nothingOfTheirsToMoveSaysNothingOfTasks() throws {
        let a = makeAccount(tasks: [task(4, "Provision", owner: "Sam")])
        let (after, e) = try a.applying(.reassignCSM(to: "Dana", moveTasks: true), ctx)
        #expect(after.tasks == a.tasks && e.detail == nil)
    }
}
