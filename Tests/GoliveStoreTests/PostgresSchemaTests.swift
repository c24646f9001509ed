import Foundation
import GRDB
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// The team store's schema is the file's: the same tables and columns in the same order,
/// the same indexes, the same migration names, and the same rows refused for the same
/// reasons — so a change that passes one store's checks passes the other's.
struct PostgresSchemaTests {
    let server = PostgresServer.shared

    func migrated() throws -> PostgresConnection {
        let db = try PostgresConnection(PostgresLocation(try server.newDatabase()))
        try PostgresSchema.migrate(db, mayWrite: true)
        return db
    }

    func file(_ dir: TempDir) throws -> DatabaseQueue {
        _ = try Store(path: dir.file("s.sqlite"), mode: .create)
        // As every command that may write opens it: the facts' upkeep done.
        _ = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        return try DatabaseQueue(path: dir.file("s.sqlite"))
    }

    @Test func aNewTeamStoreHasTheFilesTablesColumnsIndexesAndMigrations() throws {
        let dir = TempDir()
        let sqlite = try file(dir)
        let pg = try migrated()
        let fileColumns = try sqlite.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c
                    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'grdb_migrations'
                    ORDER BY m.name, c.cid
                    """)
        }
        let columns = try pg.execute(
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'golive' AND table_name <> 'migrations' ORDER BY table_name, ordinal_position
            """)
        let teamColumns = try (0..<columns.count).map { try columns.text($0, 0) ?? "" }
        #expect(
            teamColumns == fileColumns,
            """
            only in the team store: \(Set(teamColumns).subtracting(fileColumns).sorted()); \
            only in the file: \(Set(fileColumns).subtracting(teamColumns).sorted())
            """)
        let fileIndexes = try sqlite.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
        let indexes = try pg.execute(
            """
            SELECT indexname FROM pg_indexes WHERE schemaname = 'golive'
              AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' ORDER BY indexname
            """)
        #expect(try (0..<indexes.count).map { try indexes.text($0, 0) ?? "" } == fileIndexes)
        let fileMigrations = try sqlite.read { db in try Set(String.fetchAll(db, sql: "SELECT * FROM grdb_migrations"))
        }
        #expect(try PostgresSchema.applied(pg) == fileMigrations)
        #expect(Set(Schema.migrator.migrations) == PostgresSchema.known)
    }

    @Test func openingAgainOrFromSeveralProcessesAtOnceMigratesOnce() throws {
        let url = try server.newDatabase()
        let errors = LockedErrors()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let db = try PostgresConnection(PostgresLocation(url))
                try PostgresSchema.migrate(db, mayWrite: true)
            } catch {
                errors.add(error)
            }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let db = try PostgresConnection(PostgresLocation(url))
        try PostgresSchema.migrate(db, mayWrite: true)
        #expect(try db.execute("SELECT count(*) FROM golive.migrations").int(0, 0) == 20)
        #expect(try db.execute("SELECT value FROM golive.counters").int(0, 0) == 1)
    }

    @Test func aStoreWrittenByANewerGoliveIsRefusedAndLeftAlone() throws {
        let db = try migrated()
        try db.execute("INSERT INTO golive.migrations VALUES ('v99')")
        let e = try #require(throws: StoreError.self) { try PostgresSchema.migrate(db, mayWrite: true) }
        #expect(e.message.contains("written by a newer golive"))
        #expect(e.message.contains("v99"))
        #expect(e.message.contains("upgrade golive"))
        #expect(try db.execute("SELECT count(*) FROM golive.migrations").int(0, 0) == 21)
    }

    @Test func aReadOnlyOpenNeverCreatesTheSchema() throws {
        let db = try PostgresConnection(PostgresLocation(try server.newDatabase()))
        let e = try #require(throws: StoreError.self) { try PostgresSchema.migrate(db, mayWrite: false) }
        #expect(e.message.contains("holds no golive store yet"))
        #expect(try db.execute("SELECT to_regnamespace('golive') IS NULL").int(0, 0) == 1)
    }

    /// Statements that set up one valid account, then rows each check must refuse.
    static let setUp = [
        "INSERT INTO playbooks VALUES ('p', 'P', 1, 1, 1, 1, 1)",
        """
        INSERT INTO accounts (id, name, segment, arr, csm, sales_owner, contract_signed, target_go_live, playbook,
          last_activity, stage_index) VALUES (1, 'Acme', 'smb', 10, 'ana', 'sam', '2026-01-05', '2026-03-01', 'p',
          '2026-01-05', 0)
        """,
        """
        INSERT INTO checkpoints (id, account_id, key, name, stage, due, customer_confirms)
          VALUES (2, 1, 'k', 'Kickoff', 's', '2026-01-20', 1)
        """,
        """
        INSERT INTO tasks (id, account_id, title, lane, owner, due, status, status_since)
          VALUES (3, 1, 'Send plan', 'internal', 'ana', '2026-01-10', 'open', '2026-01-05')
        """,
    ]

    static let refused: [(what: String, sql: String)] = {
        let account = """
            INSERT INTO accounts (id, name, segment, arr, csm, sales_owner, contract_signed, target_go_live, playbook,
              last_activity, stage_index
            """
        let task = "INSERT INTO tasks (id, account_id, title, lane, owner, due, status, status_since, reason) VALUES "
        return [
            ("an unknown segment", account + ") VALUES (9, 'B', 'huge', 1, 'ana', 's', 'd', 'd', 'p', 'd', 0)"),
            ("negative ARR", account + ") VALUES (9, 'B', 'smb', -1, 'ana', 's', 'd', 'd', 'p', 'd', 0)"),
            ("an empty name", account + ") VALUES (9, '', 'smb', 1, 'ana', 's', 'd', 'd', 'p', 'd', 0)"),
            (
                "a second account of the same name",
                account + ") VALUES (9, 'Acme', 'smb', 1, 'ana', 's', 'd', 'd', 'p', 'd', 0)"
            ),
            ("an empty CSM", account + ") VALUES (9, 'B', 'smb', 1, '', 's', 'd', 'd', 'p', 'd', 0)"),
            ("an unknown playbook", account + ") VALUES (9, 'B', 'smb', 1, 'ana', 's', 'd', 'd', 'q', 'd', 0)"),
            ("a negative stage", account + ") VALUES (9, 'B', 'smb', 1, 'ana', 's', 'd', 'd', 'p', 'd', -1)"),
            (
                "an escalation without who escalated",
                account + ", escalation_reason) VALUES (9, 'B', 'smb', 1, 'ana', 's', 'd', 'd', 'p', 'd', 0, 'late')"
            ),
            (
                "negative go-live moves",
                account + ", go_live_moves) VALUES (9, 'B', 'smb', 1, 'ana', 's', 'd', 'd', 'p', 'd', 0, -1)"
            ),
            ("an unknown lane", task + "(9, 1, 'T', 'sales', 'ana', 'd', 'open', 'd', NULL)"),
            (
                "an approval status in the internal lane",
                task + "(9, 1, 'T', 'internal', 'ana', 'd', 'approved', 'd', NULL)"
            ),
            (
                "an internal status in the approval lane",
                task + "(9, 1, 'T', 'approval', 'ana', 'd', 'open', 'd', NULL)"
            ),
            ("blocked without a reason", task + "(9, 1, 'T', 'customer', 'ana', 'd', 'blocked', 'd', NULL)"),
            ("rejected without a reason", task + "(9, 1, 'T', 'approval', 'ana', 'd', 'rejected', 'd', NULL)"),
            ("an empty title", task + "(9, 1, '', 'internal', 'ana', 'd', 'open', 'd', NULL)"),
            ("an empty owner", task + "(9, 1, 'T', 'internal', '', 'd', 'open', 'd', NULL)"),
            ("a task of no account", task + "(9, 77, 'T', 'internal', 'ana', 'd', 'open', 'd', NULL)"),
            ("a task depending on itself", "INSERT INTO task_dependencies VALUES (3, 3)"),
            ("a dependency on no task", "INSERT INTO task_dependencies VALUES (3, 77)"),
            (
                "a confirmation flag other than 0 or 1",
                "INSERT INTO checkpoints (id, account_id, key, name, stage, due, customer_confirms) VALUES (9, 1, 'k', 'K', 's', 'd', 2)"
            ),
            (
                "an unknown milestone",
                "INSERT INTO checkpoints (id, account_id, key, name, stage, due, customer_confirms, milestone) VALUES (9, 1, 'k', 'K', 's', 'd', 0, 'launch')"
            ),
            (
                "a customer-confirmed checkpoint achieved without who confirmed",
                "UPDATE checkpoints SET achieved_on = '2026-01-21' WHERE id = 2"
            ),
            (
                "a touchpoint state not held, missed or unrecorded",
                "INSERT INTO touchpoints VALUES (9, 1, 'd', 'exec', 'call', 'o', 'maybe', NULL, NULL)"
            ),
            ("a negative SLA", "INSERT INTO stages VALUES (1, 0, 'k', 'Kickoff', -1, NULL, NULL, NULL)"),
            ("an event without a kind", "INSERT INTO events (at, who, kind) VALUES ('t', 'ana', '')"),
            ("a playbook without a name", "INSERT INTO playbooks VALUES ('', 'P', 1, 1, 1, 1, 1)"),
            ("a negative threshold", "INSERT INTO playbooks VALUES ('q', 'Q', -1, 1, 1, 1, 1)"),
        ]
    }()

    @Test(arguments: refused.indices)
    func theSameRowsAreRefusedByBothStores(_ i: Int) throws {
        let (what, sql) = PostgresSchemaTests.refused[i]
        let dir = TempDir()
        let sqlite = try file(dir)
        try sqlite.write { db in for s in PostgresSchemaTests.setUp { try db.execute(sql: s) } }
        #expect(throws: DatabaseError.self, "SQLite: \(what)") { try sqlite.write { db in try db.execute(sql: sql) } }
        let pg = try migrated()
        try pg.execute("SET search_path = golive")
        for s in PostgresSchemaTests.setUp { try pg.execute(s) }
        #expect(throws: PostgresError.self, "PostgreSQL: \(what)") { try pg.execute(sql) }
    }

    @Test func theValidRowsOfTheSetUpAreTakenByBoth() throws {
        let dir = TempDir()
        let sqlite = try file(dir)
        try sqlite.write { db in for s in PostgresSchemaTests.setUp { try db.execute(sql: s) } }
        let pg = try migrated()
        try pg.execute("SET search_path = golive")
        for s in PostgresSchemaTests.setUp { try pg.execute(s) }
        #expect(try pg.execute("SELECT count(*) FROM tasks").int(0, 0) == 1)
        // What the refusals above change, done right, is taken.
        try pg.execute("UPDATE checkpoints SET achieved_on = '2026-01-21', confirmed_by = 'Dana' WHERE id = 2")
        try sqlite.write { db in
            try db.execute(sql: "UPDATE checkpoints SET achieved_on = '2026-01-21', confirmed_by = 'Dana' WHERE id = 2")
        }
    }
}

/// Errors gathered from several threads.
final class LockedErrors: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ e: any Error) { lock.withLock { errors.append(e) } }
    var all: [any Error] { lock.withLock { errors } }
}
