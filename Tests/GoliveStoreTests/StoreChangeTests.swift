import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

struct StoreChangeTests {
    let today = Day(iso: "2026-01-08")!

    @Test(arguments: StoreKind.allCases) func anActionIsSavedWithItsEventInOneTransaction(on kind: StoreKind) throws {
        let dir = TempDir()
        let (store, location) = try seeded(dir, on: kind)
        let (a, e) = try store.perform(
            .setTaskStatus(task: 102, to: .done, reason: nil), on: 1, who: "lee", today: today)
        #expect(e.id > 0 && e.who == "lee" && e.kind == "task.status")
        let reopened = try Store(path: location, mode: .readOnly)
        #expect(try reopened.account(1) == a)
        #expect(try reopened.events(account: 1) == [e])
    }

    @Test(arguments: StoreKind.allCases) func aRefusedActionChangesNothing(on kind: StoreKind) throws {
        let dir = TempDir()
        let (store, _) = try seeded(dir, on: kind)
        #expect(throws: Refusal("'Test' cannot be done before 'Build' (open)")) {
            try store.perform(.setTaskStatus(task: 103, to: .done, reason: nil), on: 1, who: "lee", today: today)
        }
        #expect(try store.account(1) == sampleAccount())
        #expect(try store.events().isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func anAddedTaskGetsAFreshIdThatIsNeverReused(on kind: StoreKind) throws {
        let dir = TempDir()
        let (store, _) = try seeded(dir, on: kind)
        let (a, _) = try store.perform(
            .addTask(lane: .customer, title: "Logo", owner: "Acme", due: today, checkpoint: 101), on: 1, who: "lee",
            today: today)
        let (b, _) = try store.perform(
            .addTask(lane: .customer, title: "Fonts", owner: "Acme", due: today, checkpoint: nil), on: 1, who: "lee",
            today: today)
        let next = try store.nextID()
        #expect(a.tasks.last?.id == 1000 && b.tasks.last?.id == 1001 && next == 1002)
        #expect(try store.account(1)?.tasks.count == 4)
    }

    @Test(arguments: StoreKind.allCases) func aChangeMadeOnAStaleViewIsRefusedWithWhoChangedIt(on kind: StoreKind)
        throws
    {
        let dir = TempDir()
        let (store, _) = try seeded(dir, on: kind)
        let seen = try store.account(1)!.version
        try store.perform(
            .addNote(text: "hi", task: nil), on: 1, who: "dana", today: today,
            now: Date(timeIntervalSince1970: 1_767_866_400))
        let fiveMinutesLater = Date(timeIntervalSince1970: 1_767_866_700)
        #expect(throws: Refusal("changed by dana 5 min ago — reloaded")) {
            try store.perform(
                .escalate(reason: "x"), on: 1, who: "lee", today: today, now: fiveMinutesLater,
                expected: .account(seen))
        }
    }

    @Test(arguments: StoreKind.allCases) func twoPeopleEditingDifferentTasksBothSucceedButAStaleEditOfOneTaskIsRefused(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let (store, _) = try seeded(dir, on: kind)
        let view = try store.account(1)!  // what both screens show
        let lee = Date(timeIntervalSince1970: 1_767_866_400)
        let dana = lee.addingTimeInterval(60)
        try store.perform(
            .setTaskDue(task: 102, due: today + 3), on: 1, who: "lee", today: today, now: lee,
            expected: view.expectation(for: .setTaskDue(task: 102, due: today + 3)))
        // Another task of the same account: no conflict.
        try store.perform(
            .reassignTask(task: 103, owner: "Bo"), on: 1, who: "dana", today: today, now: dana,
            expected: view.expectation(for: .reassignTask(task: 103, owner: "Bo")))
        // The task lee changed, from dana's stale view: refused, naming lee.
        #expect(throws: Refusal("changed by lee 1 min ago — reloaded")) {
            try store.perform(
                .editTaskTitle(task: 102, title: "Build it"), on: 1, who: "dana", today: today, now: dana,
                expected: view.expectation(for: .editTaskTitle(task: 102, title: "Build it")))
        }
        let a = try store.account(1)!
        #expect(a.task(102)?.due == today + 3 && a.task(102)?.title == "Build" && a.task(103)?.owner == "Bo")
    }

    @Test func theSchemaRefusesAStatusThatDoesNotBelongToTheLane() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        #expect(throws: (any Error).self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE tasks SET status = 'approved' WHERE id = 102") }
        }
        #expect(throws: (any Error).self) {
            try store.pool.write { db in
                try db.execute(sql: "UPDATE tasks SET status = 'blocked', reason = NULL WHERE id = 102")
            }
        }
    }

    @Test(arguments: StoreKind.allCases) func escalationHistoryComesFromEvents(on kind: StoreKind) throws {
        let dir = TempDir()
        let (store, _) = try seeded(dir, on: kind, accounts: [sampleAccount(), sampleAccount(id: 2, name: "Beta")])
        try store.perform(.escalate(reason: "x"), on: 2, who: "lee", today: today)
        try store.perform(.clearEscalation(), on: 2, who: "lee", today: today)
        #expect(try store.everEscalated() == [2])
        #expect(try store.account(2)?.escalation == nil)
    }

    @Test func deferredCheckpointsLeaveTheLogToIdleMomentsAndLoseNothing() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        try store.deferCheckpoints()
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 0)
        for i in 0..<30 {
            try store.perform(.addNote(text: "call \(i)", task: nil), on: 1, who: "lee", today: Day(iso: "2026-01-02")!)
        }
        let wal = try FileManager.default.attributesOfItem(atPath: dir.file("s.sqlite-wal"))[.size] as? Int ?? 0
        #expect(wal > 0)
        #expect(try store.checkpoint())
        let other = try Store(path: dir.file("s.sqlite"), mode: .readOnly)
        #expect(try other.events(account: 1).count == 30)
    }

    @Test(arguments: StoreKind.allCases) func anotherConnectionsCommitChangesTheDataVersion(on kind: StoreKind) throws {
        let dir = TempDir()
        let (a, location) = try seeded(dir, on: kind)
        let b = try Store(path: location, mode: .readWrite)
        let v0 = try a.dataVersion()
        try b.perform(.markReviewed, on: 1, who: "x", today: today)
        // A team store hears of it by the server's notification, a moment after the commit.
        let deadline = Date().addingTimeInterval(3)
        var seen = try a.dataVersion()
        while seen == v0 && Date() < deadline {
            usleep(1_000)
            seen = try a.dataVersion()
        }
        #expect(seen != v0)
    }
}
