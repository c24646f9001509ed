import Testing

@testable import GoliveDomain

struct DependencyTests {
    let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)
    var account: Account {
        makeAccount(tasks: [task(1, "Build"), task(2, "Test", dependsOn: [1]), task(3, "Ship", dependsOn: [2])])
    }

    @Test func aTaskCanBeMadeToWaitAndToStopWaiting() throws {
        let (a, e) = try account.applying(.setDependency(task: 3, on: 1, waits: true), ctx)
        #expect(a.task(3)?.dependsOn == [1, 2] && e.words(in: a) == "'Ship' now waits on 'Build'")
        let (b, f) = try a.applying(.setDependency(task: 3, on: 2, waits: false), ctx)
        #expect(b.task(3)?.dependsOn == [1] && f.words(in: b) == "'Ship' no longer waits on 'Test'")
    }

    @Test(arguments: [
        (Int64(1), Int64(3), true, "'Ship' already waits on 'Build': that would be a cycle"),
        (Int64(1), Int64(2), true, "'Test' already waits on 'Build': that would be a cycle"),
        (Int64(1), Int64(1), true, "a task cannot wait on itself"),
        (Int64(2), Int64(1), true, "'Test' already waits on 'Build'"),
        (Int64(1), Int64(2), false, "'Build' does not wait on 'Test'"),
    ])
    func aWaitThatClosesACycleOrChangesNothingIsRefused(_ t: Int64, _ on: Int64, _ waits: Bool, _ message: String) {
        #expect(throws: Refusal(message)) { try account.applying(.setDependency(task: t, on: on, waits: waits), ctx) }
    }

    @Test func aTaskIsLinkedToACheckpointOrToNone() throws {
        let (a, e) = try account.applying(.linkTask(task: 1, checkpoint: nil), ctx)
        #expect(
            a.task(1)?.checkpointID == nil && e.words(in: a) == "'Build' leads to no checkpoint (was Integration live)")
        let (b, _) = try a.applying(.linkTask(task: 1, checkpoint: 10), ctx)
        #expect(b.task(1)?.checkpointID == 10)
        #expect(throws: Refusal("no checkpoint 99 on Acme")) { try a.applying(.linkTask(task: 1, checkpoint: 99), ctx) }
    }
}
