import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

func sampleAccount(id: Int64 = 1, name: String = "Acme") -> Account {
    let d = Day(iso: "2026-01-01")!
    return Account(
        id: id, name: name, segment: .enterprise, arr: 1000, csm: "Ana", salesOwner: "Sam",
        contractSigned: d, targetGoLive: d + 30, playbook: "test", lastActivity: d,
        stages: [
            Stage(key: "setup", name: "Setup", slaDays: 10, enteredOn: d), Stage(key: "live", name: "Live", slaDays: 5),
        ],
        checkpoints: [Checkpoint(id: id * 100 + 1, key: "ready", name: "Ready", stage: "setup", due: d + 10)],
        tasks: [
            OnboardingTask(
                id: id * 100 + 2, title: "Build", lane: .internal, owner: "Ana", due: d + 5, statusSince: d,
                checkpointID: id * 100 + 1),
            OnboardingTask(
                id: id * 100 + 3, title: "Test", lane: .internal, owner: "Ana", due: d + 6, statusSince: d,
                checkpointID: id * 100 + 1, dependsOn: [id * 100 + 2]),
        ])
}

func seeded(_ dir: TempDir, accounts: [Account] = [sampleAccount()]) throws -> Store {
    let store = try Store(path: dir.file("s.sqlite"), mode: .create)
    try store.write { tx in
        try tx.upsert(StoredPlaybook(name: "test", title: "Test", thresholds: Thresholds()))
        for a in accounts { try tx.insert(a) }
        try tx.setNextID(1000)
    }
    return store
}

struct StoreOpeningTests {
    @Test func aNewStoreIsPrivateToItsOwner() throws {
        let dir = TempDir()
        let path = dir.file("nested/deeper/s.sqlite")
        _ = try Store(path: path, mode: .create)
        let fm = FileManager.default
        #expect((try fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect((try fm.attributesOfItem(atPath: dir.file("nested/deeper"))[.posixPermissions] as? Int) == 0o700)
    }

    @Test func aStoreSurvivesReopeningWithEverythingInIt() throws {
        let dir = TempDir()
        _ = try seeded(dir)
        let again = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        #expect(try again.accounts() == [sampleAccount()])
        #expect(try again.nextID() == 1000)
    }

    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch { return "\(error)" }
    }

    @Test func aStoreWrittenBeforeTheBoardsFactsExistedGetsThemOnOpening() throws {
        let dir = TempDir()
        let accounts = [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        // Back to the schema before "v2": no facts table, the migration not yet run.
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            try db.execute(
                sql: """
                    DROP TABLE account_facts; DROP INDEX events_reviewed; DROP INDEX tasks_open_due;
                    CREATE INDEX tasks_open_due ON tasks(due) WHERE status NOT IN ('done', 'skipped', 'approved');
                    DELETE FROM grdb_migrations WHERE identifier = 'v2'
                    """)
        }
        try q.close()
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.facts().sorted { $0.id < $1.id } == accounts.map(\.facts))
    }

    @Test func packedCheckpointFactsReadBackAsWritten() {
        let cases = [
            CheckpointFacts(id: 1, due: Day(ordinal: 0), achieved: true),
            CheckpointFacts(
                id: Int64.max, due: Day(iso: "1900-01-01")!, achieved: false, open: 50_000, blockedOrRejected: 7,
                earliestOpenDue: Day(iso: "1899-12-31")!, longestCustomerWaitSince: Day(iso: "2399-12-31")!),
            CheckpointFacts(
                id: 42, due: Day(iso: "2026-11-22")!, achieved: false, open: 1, blockedOrRejected: 0,
                earliestOpenDue: nil, longestCustomerWaitSince: Day(iso: "2026-11-01")!),
        ]
        #expect(FactsRows.unpack(FactsRows.pack(cases)) == cases)
        #expect(FactsRows.unpack(FactsRows.pack([])) == [])
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let dir = TempDir()
        let path = dir.file("notes.txt")
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(
            refusal { _ = try Store(path: path, mode: .readWrite) }
                == "\(path) is not a golive store (not a SQLite database)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello")
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let dir = TempDir()
        let path = dir.file("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(
            refusal { _ = try Store(path: path, mode: .readWrite) }
                == "\(path) is not a golive store (it is another program's SQLite database)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aStoreFromANewerSchemaIsRefused() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        try store.pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        #expect(
            refusal { _ = try Store(path: dir.file("s.sqlite"), mode: .readWrite) }
                == "\(dir.file("s.sqlite")) was written by a newer golive "
                + "(its schema is ahead of this version): upgrade golive"
        )
    }

    @Test func aMissingStoreIsNotCreatedByAReader() {
        let dir = TempDir()
        #expect(
            refusal { _ = try Store(path: dir.file("none.sqlite"), mode: .readOnly) }?.hasPrefix("no store at") == true)
        #expect(!FileManager.default.fileExists(atPath: dir.file("none.sqlite")))
    }

    @Test func aReadOnlyFileIsRefusedForWriting() throws {
        guard getuid() != 0 else { return }  // root may write anything; the CLI tests cover chmod as a normal user
        let dir = TempDir()
        _ = try seeded(dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: dir.file("s.sqlite"))
        #expect(refusal { _ = try Store(path: dir.file("s.sqlite"), mode: .readWrite) }?.contains("read-only") == true)
    }

    @Test func aReadOnlyStoreRefusesEveryWrite() throws {
        let dir = TempDir()
        _ = try seeded(dir)
        let ro = try Store(path: dir.file("s.sqlite"), mode: .readOnly)
        #expect(
            refusal { try ro.perform(.markReviewed, on: 1, who: "x", today: Day(iso: "2026-01-02")!) }?.hasPrefix(
                "read-only") == true)
    }

    @Test func severalProcessesOpeningAFreshStoreAtOnceAllSucceed() async throws {
        let dir = TempDir()
        let path = dir.file("race.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try Store(path: path, mode: .create) } }
            try await group.waitForAll()
        }
        #expect(try Store(path: path, mode: .readOnly).accounts().isEmpty)
    }
}

struct StoreChangeTests {
    let today = Day(iso: "2026-01-08")!

    @Test func anActionIsSavedWithItsEventInOneTransaction() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        let (a, e) = try store.perform(
            .setTaskStatus(task: 102, to: .done, reason: nil), on: 1, who: "lee", today: today)
        #expect(e.id > 0 && e.who == "lee" && e.kind == "task.status")
        let reopened = try Store(path: dir.file("s.sqlite"), mode: .readOnly)
        #expect(try reopened.account(1) == a)
        #expect(try reopened.events(account: 1) == [e])
    }

    @Test func aRefusedActionChangesNothing() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        #expect(throws: Refusal("'Test' cannot be done before 'Build' (open)")) {
            try store.perform(.setTaskStatus(task: 103, to: .done, reason: nil), on: 1, who: "lee", today: today)
        }
        #expect(try store.account(1) == sampleAccount())
        #expect(try store.events().isEmpty)
    }

    @Test func anAddedTaskGetsAFreshIdThatIsNeverReused() throws {
        let dir = TempDir()
        let store = try seeded(dir)
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

    @Test func aChangeMadeOnAStaleViewIsRefusedWithWhoChangedIt() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        let seen = try store.account(1)!.version
        try store.perform(
            .addNote(text: "hi", task: nil), on: 1, who: "dana", today: today,
            now: Date(timeIntervalSince1970: 1_767_866_400))
        #expect(throws: Refusal("changed by dana at 2026-01-08T10:00:00Z — reloaded")) {
            try store.perform(.escalate(reason: "x"), on: 1, who: "lee", today: today, expected: .account(seen))
        }
    }

    @Test func twoPeopleEditingDifferentTasksBothSucceedButAStaleEditOfOneTaskIsRefused() throws {
        let dir = TempDir()
        let store = try seeded(dir)
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
        #expect(throws: Refusal("changed by lee at 2026-01-08T10:00:00Z — reloaded")) {
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

    @Test func escalationHistoryComesFromEvents() throws {
        let dir = TempDir()
        let store = try seeded(dir, accounts: [sampleAccount(), sampleAccount(id: 2, name: "Beta")])
        try store.perform(.escalate(reason: "x"), on: 2, who: "lee", today: today)
        try store.perform(.clearEscalation, on: 2, who: "lee", today: today)
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

    @Test func anotherConnectionsCommitChangesTheDataVersion() throws {
        let dir = TempDir()
        let a = try seeded(dir)
        let b = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let v0 = try a.dataVersion()
        try b.perform(.markReviewed, on: 1, who: "x", today: today)
        #expect(try a.dataVersion() != v0)
    }
}
