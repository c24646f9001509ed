import Testing

@testable import GoliveDomain

struct DeleteTaskTests {
    let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)

    @Test func deletingATaskUnlinksWhatWaitedOnItAndUndoBringsBothBack() throws {
        let a = makeAccount(tasks: [task(1, "Build"), task(2, "Test", dependsOn: [1])])
        let (b, e) = try a.applying(.deleteTask(task: 1, reason: "done by the customer"), ctx)
        #expect(b.tasks.map(\.id) == [2] && b.tasks[0].dependsOn.isEmpty)
        #expect(e.kind == "task.deleted" && e.before == "Build" && e.detail == "done by the customer")
        #expect(e.words(in: b) == "deleted 'Build' (done by the customer)")
        let (c, _) = try b.applying(.undo(before: a, after: b, of: e), ctx)
        #expect(c.tasks.map(\.id) == [1, 2] && c.tasks[1].dependsOn == [1])
    }

    @Test(arguments: [(Int64(1), "  ", "the reason cannot be empty"), (Int64(9), "x", "no task 9 on Acme")])
    func aDeletionIsRefusedWithoutAReasonOrATask(_ id: Int64, _ reason: String, _ message: String) {
        let a = makeAccount(tasks: [task(1, "Build")])
        #expect(throws: Refusal(message)) { try a.applying(.deleteTask(task: id, reason: reason), ctx) }
    }
}
