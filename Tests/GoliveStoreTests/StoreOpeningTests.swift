import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

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

    /// A value the schema forbids can only come from a hand edit or a damaged file: reading
    /// it names the column and the value instead of crashing the board.
    @Test(arguments: [
        ("UPDATE tasks SET lane = 'partner' WHERE id = 102", "tasks.lane = 'partner'"),
        ("UPDATE tasks SET status = 'lost' WHERE id = 102", "tasks.status = 'lost'"),
        ("UPDATE tasks SET due = '2026-13-45' WHERE id = 102", "tasks.due = '2026-13-45'"),
        ("UPDATE accounts SET segment = 'giant' WHERE id = 1", "accounts.segment = 'giant'"),
        ("UPDATE checkpoints SET due = 'soon' WHERE id = 101", "checkpoints.due = 'soon'"),
        (
            "UPDATE accounts SET name = 'x' WHERE id = 1; UPDATE account_facts SET segment = 'giant'",
            "account_facts.segment = 'giant'"
        ),
    ])
    func aValueTheSchemaForbidsIsRefusedNamingItsColumn(_ edit: String, _ named: String) throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        _ = try seeded(dir)
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: edit)
        }
        try q.close()
        let store = try Store(path: path, mode: .readOnly)
        let message = refusal {
            _ = try store.accounts()
            _ = try store.facts()
        }
        #expect(message?.contains(named) == true, "\(message ?? "no refusal")")
        #expect(message?.contains("damaged or edited by hand") == true)
        // The overdue report checks what it reads on the bytes, and refuses alike.
        guard named.hasPrefix("tasks.") else { return }
        let overdue = refusal { try store.forEachOverdueTask(asOf: Day(iso: "2027-06-01")!) { _ in } }
        #expect(overdue?.contains(named) == true, "\(overdue ?? "no refusal")")
    }

    @Test func aStoreWrittenBeforeTheBoardsFactsExistedGetsThemOnOpening() throws {
        let dir = TempDir()
        let accounts = [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        // Back to the schema before "v2": no facts table, the migration not yet run.
        try rewind(
            path,
            """
            DROP TABLE account_facts; DROP TABLE account_rule_views; DROP INDEX events_reviewed; DROP INDEX tasks_open_due;
            CREATE INDEX tasks_open_due ON tasks(due) WHERE status NOT IN ('done', 'skipped', 'approved');
            ALTER TABLE accounts DROP COLUMN holds;
            ALTER TABLE accounts DROP COLUMN go_live_baseline; ALTER TABLE accounts DROP COLUMN go_live_moves;
            ALTER TABLE checkpoints DROP COLUMN baseline; ALTER TABLE checkpoints DROP COLUMN moves;
            ALTER TABLE touchpoints DROP COLUMN state; ALTER TABLE touchpoints DROP COLUMN outcome;
            ALTER TABLE touchpoints DROP COLUMN marked_on;
            DROP INDEX events_at; ALTER TABLE events DROP COLUMN prior; DROP INDEX events_escalations;
            DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11', 'v12', 'v13', 'v14', 'v20')
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.facts().sorted { $0.id < $1.id } == accounts.map(\.facts))
    }

    /// A store at "v2" gains the day go-live was achieved, computed in SQL, equal to the
    /// facts computed from the whole account.
    @Test func aStoreFromBeforeTheGoLiveDayGetsItOnOpening() throws {
        let dir = TempDir()
        var live = sampleAccount(id: 1, name: "Acme")
        live.checkpoints[0].milestone = .goLive
        live.checkpoints[0].achievedOn = Day(iso: "2026-01-09")
        let accounts = [live, sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try backBeforeV3(path)
        let store = try Store(path: path, mode: .readWrite)
        let facts = try store.facts().sorted { $0.id < $1.id }
        #expect(facts == accounts.map(\.facts))
        #expect(facts[0].goLiveAchievedOn == Day(iso: "2026-01-09") && facts[1].goLiveAchievedOn == nil)
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
        #expect(FactsRows.pack(cases).withUnsafeBytes(FactsRows.unpack) == cases)
        #expect(FactsRows.pack([]).withUnsafeBytes(FactsRows.unpack) == [])
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

    /// POSIX locks belong to the process: closing any descriptor of the store file drops
    /// every lock this process holds on it (SQLite's "how to corrupt", 2.2). A second open
    /// (the lead screens' reader, a change retried on a busy store) once read the file's
    /// header with a descriptor of its own; another program closing next then took itself
    /// for the last connection and deleted the log the first connection was still using.
    @Test func openingTheStoreAgainInTheSameProcessKeepsTheFirstConnectionsLocks() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        let store = try Store(path: path, mode: .create)
        try store.write { tx in try tx.setNextID(try tx.nextID() + 1) }
        for mode in [Store.Mode.readOnly, .readWrite] {
            _ = try Store(path: path, mode: mode)
        }
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        other.arguments = [path, "SELECT count(*) FROM events"]
        other.standardOutput = FileHandle.nullDevice
        try other.run()
        other.waitUntilExit()
        #expect(other.terminationStatus == 0)
        // The first connection still holds the store: its log stays for it.
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
        try store.write { tx in try tx.setNextID(try tx.nextID() + 1) }
        #expect(try store.integrityCheck() == "ok")
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

extension StoreOpeningTests {
    /// A report right after upgrading golive must work: the first read-only open of an older
    /// store its user may write upgrades the schema (not the data) once.
    @Test func aReadOnlyOpenOfAnOlderStoreTheUserMayWriteUpgradesItsSchema() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        _ = try seeded(dir)
        try backBeforeV3(path)
        let store = try Store(path: path, mode: .readOnly)
        #expect(store.readOnly)
        #expect(try store.facts() == [sampleAccount().facts])
    }

    /// A store whose facts were written before the ball followed the work has them written
    /// again for the accounts that can differ: a customer task waiting on our work.
    @Test func aStoreFromBeforeTheBallFollowedTheWorkGetsItsStageCourtOnOpening() throws {
        let dir = TempDir()
        var waiting = sampleAccount(id: 1, name: "Acme")
        let d = Day(iso: "2026-01-01")!
        let ready = waiting.checkpoints[0].id
        waiting.checkpoints.append(Checkpoint(id: 150, key: "golive", name: "Go-live", stage: "live", due: d + 30))
        for i in waiting.tasks.indices { waiting.tasks[i].checkpointID = 150 }
        waiting.tasks.append(
            OnboardingTask(
                id: 160, title: "SSO metadata", lane: .customer, owner: "Acme IT", due: d + 8, statusSince: d,
                checkpointID: ready, dependsOn: [waiting.tasks[0].id]))
        #expect(waiting.facts.ballInCourt(asOf: d) == .ours)
        let accounts = [waiting, sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try rewind(
            path,
            """
            UPDATE account_facts SET ball_in_court = 'customer' WHERE account_id = 1;
            ALTER TABLE account_facts DROP COLUMN customer_due_waiting_on_us;
            DELETE FROM grdb_migrations WHERE identifier IN ('v5', 'v6')
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.facts().sorted { $0.id < $1.id } == accounts.map(\.facts))
    }

    /// A store from before re-planning opens with no moves, and the accounts with a task due
    /// after its checkpoint get that checkpoint's forecast-late mark written.
    @Test func aStoreFromBeforeReplanningGetsItsForecastsOnOpening() throws {
        let dir = TempDir()
        var late = sampleAccount(id: 1, name: "Acme")
        late.tasks[0].due = late.checkpoints[0].due + 4
        #expect(late.facts.checkpoints[0].forecastLate)
        let accounts = [late, sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        var before = late.facts.checkpoints
        before[0].forecastFixed = before[0].due
        try rewind(
            path,
            """
            ALTER TABLE accounts DROP COLUMN go_live_baseline; ALTER TABLE accounts DROP COLUMN go_live_moves;
            ALTER TABLE checkpoints DROP COLUMN baseline; ALTER TABLE checkpoints DROP COLUMN moves;
            ALTER TABLE account_facts DROP COLUMN go_live_baseline;
            ALTER TABLE account_facts DROP COLUMN go_live_moves;
            DELETE FROM grdb_migrations WHERE identifier = 'v8'
            """)
        try rewind(
            path, "UPDATE account_facts SET checkpoints = ? WHERE account_id = 1", arguments: [FactsRows.pack(before)])
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.facts().sorted { $0.id < $1.id } == accounts.map(\.facts))
        #expect(
            try store.accounts().allSatisfy { $0.goLivePlan == nil && $0.checkpoints.allSatisfy { $0.replan == nil } })
        _ = try store.save(
            .moveGoLive(to: Day(iso: "2026-03-01")!, reason: "scope grew"), on: 2, who: "ana",
            today: Day(iso: "2026-02-01")!)
        #expect(try store.account(2)?.goLivePlan?.moves == 1)
    }

    /// A store from before the incomplete handoff record was a reason gets it for the
    /// accounts in Handoff.
    @Test func aStoreFromBeforeTheHandoffReasonGetsItOnOpening() throws {
        let dir = TempDir()
        var handoff = sampleAccount(id: 1, name: "Acme")
        handoff.stages.insert(
            Stage(key: "handoff", name: "Handoff", slaDays: 5, enteredOn: handoff.contractSigned), at: 0)
        handoff.stages[1].enteredOn = nil
        #expect(handoff.facts.handoffIncomplete)
        let accounts = [handoff, sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try rewind(
            path,
            """
            ALTER TABLE account_facts DROP COLUMN handoff_incomplete;
            DELETE FROM grdb_migrations WHERE identifier = 'v10'
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.facts().sorted { $0.id < $1.id } == accounts.map(\.facts))
    }

    /// A store from before the metric facts gains them for every account on opening.
    @Test func aStoreFromBeforeMetricFactsGainsThemOnOpening() throws {
        let dir = TempDir()
        let accounts = [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try rewind(
            path,
            """
            ALTER TABLE account_facts DROP COLUMN metric_facts; DROP INDEX events_escalations;
            DELETE FROM grdb_migrations WHERE identifier = 'v12'
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.metricFacts().sorted { $0.id < $1.id } == accounts.map(\.metricFacts))
    }

    /// A store from before the rule views gains them for every account on opening.
    @Test func aStoreFromBeforeRuleViewsGainsThemOnOpening() throws {
        let dir = TempDir()
        let accounts = [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try rewind(
            path,
            """
            DROP TABLE account_rule_views;
            DELETE FROM grdb_migrations WHERE identifier IN ('v13', 'v14')
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.ruleViews() == accounts.map(\.ruleView))
        // Kept, not read whole as a fallback.
        let kept = try store.write { tx in try Int.fetchOne(tx.db, sql: "SELECT count(*) FROM account_rule_views") }
        #expect(kept == accounts.count)
    }

    /// A store whose rule views stand beside the board's facts has them moved to their own
    /// table as they are, and its facts table loses the column.
    @Test func aStoreWithRuleViewsBesideTheFactsHasThemMovedOnOpening() throws {
        let dir = TempDir()
        let accounts = [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try rewind(
            path,
            """
            ALTER TABLE account_facts ADD COLUMN rule_view BLOB;
            UPDATE account_facts SET rule_view = (
              SELECT v.rule_view FROM account_rule_views v WHERE v.account_id = account_facts.account_id);
            DROP TABLE account_rule_views;
            DELETE FROM grdb_migrations WHERE identifier = 'v14'
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.ruleViews() == accounts.map(\.ruleView))
        let (kept, columns) = try store.write { tx in
            (
                try Int.fetchOne(tx.db, sql: "SELECT count(*) FROM account_rule_views"),
                try String.fetchAll(tx.db, sql: "SELECT name FROM pragma_table_info('account_facts')")
            )
        }
        #expect(kept == accounts.count)
        #expect(!columns.contains("rule_view"))
        #expect(columns.contains("metric_facts"))
    }

    /// Showing a past day takes back every later change: a store from before gains the
    /// indexes that make taking back an added task or an imported account a lookup instead
    /// of a scan, and the newest events are found through the time index.
    @Test func aStoreGainsTheIndexesThatTakingChangesBackNeeds() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: [sampleAccount(id: 1, name: "Acme")])
        try rewind(
            path,
            """
            DROP INDEX task_dependencies_depends_on; DROP INDEX tasks_checkpoint;
            DELETE FROM grdb_migrations WHERE identifier = 'v15'
            """)
        let store = try Store(path: path, mode: .readWrite)
        let (indexes, plan) = try store.write { tx in
            (
                try String.fetchAll(tx.db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"),
                try Row.fetchAll(tx.db, sql: "EXPLAIN QUERY PLAN " + Rows.priorsSQL, arguments: ["2026-11-01"])
                    .map { $0["detail"] as String }.joined(separator: "; ")
            )
        }
        #expect(indexes.contains("task_dependencies_depends_on") && indexes.contains("tasks_checkpoint"))
        #expect(plan.contains("USING INDEX events_at"), "\(plan)")
    }

    /// A store from before holds opens with none, and takes one at once.
    @Test func aStoreFromBeforeHoldsGainsThemOnOpening() throws {
        let dir = TempDir()
        let accounts = [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")]
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: accounts)
        try rewind(
            path,
            """
            ALTER TABLE accounts DROP COLUMN holds;
            ALTER TABLE account_facts DROP COLUMN held_since;
            ALTER TABLE account_facts DROP COLUMN hold_resume;
            DELETE FROM grdb_migrations WHERE identifier = 'v7'
            """)
        let store = try Store(path: path, mode: .readWrite)
        #expect(try store.facts().sorted { $0.id < $1.id } == accounts.map(\.facts))
        #expect(try store.accounts().allSatisfy { $0.holds.isEmpty })
        let today = Day(iso: "2026-02-01")!
        _ = try store.save(.hold(reason: "customer freeze", until: today + 21), on: 1, who: "ana", today: today)
        let held = try #require(try store.account(1))
        #expect(held.currentHold?.reason == "customer freeze")
        #expect(try store.facts().first { $0.id == 1 }?.heldSince == today)
    }
}

/// Runs `sql` on the store at `path` as a store from an earlier schema would have it: the
/// migrations the test goes back before, and what they wrote, undone.
func rewind(_ path: String, _ sql: String, arguments: StatementArguments = []) throws {
    let q = try DatabaseQueue(path: path)
    try q.write { db in try db.execute(sql: sql, arguments: arguments) }
    try q.close()
}

/// Puts a store back to the schema before "v3" (no go-live day among the board's facts).
func backBeforeV3(_ path: String) throws {
    try rewind(
        path,
        """
        ALTER TABLE account_facts DROP COLUMN go_live_achieved;
        DELETE FROM grdb_migrations WHERE identifier = 'v3'
        """)
}
