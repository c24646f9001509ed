import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// "v16" rewrites the CHECKs whose lists after IN made SQLite build a temporary table at
/// every row written, and the open-task index's condition; these prove a store from before
/// gets them, keeps refusing what it refused, and its queries still use the index.
struct CheckListsTests {
    /// Puts the checks and the index back as they were before "v16".
    static func backBeforeV16(_ path: String) throws {
        let q = try DatabaseQueue(path: path)
        try q.write { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            try db.execute(sql: "PRAGMA writable_schema = ON")
            for (table, swaps) in Schema.checksWithoutLists {
                var sql =
                    try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = ?", arguments: [table])
                    ?? ""
                for (old, new) in swaps { sql = sql.replacingOccurrences(of: new, with: old) }
                try db.execute(sql: "UPDATE sqlite_schema SET sql = ? WHERE name = ?", arguments: [sql, table])
            }
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        try q.write { db in
            try db.execute(
                sql: """
                    DROP INDEX tasks_open_due;
                    CREATE INDEX tasks_open_due ON tasks(due, account_id, lane, status, title, owner)
                      WHERE status NOT IN ('done', 'skipped', 'approved');
                    DELETE FROM grdb_migrations WHERE identifier = 'v16'
                    """)
        }
        try q.close()
    }

    static func schema(_ store: Store) throws -> [String: String] {
        try store.write { tx in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    tx.db, sql: "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL"
                )
                .map { ($0["name"] as String, $0["sql"] as String) })
        }
    }

    @Test func aStoreFromBeforeGetsChecksWithoutListsAndTheIndexItsQueriesUse() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: [sampleAccount(id: 1, name: "Acme"), sampleAccount(id: 2, name: "Globex")])
        try Self.backBeforeV16(path)
        let old = try DatabaseQueue(path: path)
        let oldTasks = try old.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'tasks'")
        }
        try old.close()
        #expect(oldTasks?.contains("status IN ('pending','approved','rejected')") == true)

        let store = try Store(path: path, mode: .readWrite)
        let schema = try Self.schema(store)
        for table in ["accounts", "tasks", "touchpoints"] {
            #expect(schema[table]?.contains(" IN (") == false, "\(table): \(schema[table] ?? "")")
        }
        #expect(schema["tasks_open_due"]?.contains("status <> 'done'") == true)
        let (integrity, plans) = try store.write { tx in
            (
                try String.fetchOne(tx.db, sql: "PRAGMA integrity_check"),
                try [Store.overdueSQL(asOf: Day(iso: "2026-11-22")!), Store.agendaQueries[0]].map { sql in
                    try Row.fetchAll(
                        tx.db, sql: "EXPLAIN QUERY PLAN " + sql,
                        arguments: StatementArguments(sql.contains("?") ? ["2026-11-22"] : [])
                    )
                    .map { $0["detail"] as String }.joined(separator: "; ")
                }
            )
        }
        #expect(integrity == "ok")
        for plan in plans { #expect(plan.contains("tasks_open_due"), "\(plan)") }
        #expect(try store.facts().count == 2)
    }

    /// What the lists allowed and refused, the comparisons allow and refuse: each bad row
    /// is refused by SQLite itself, on a store rewritten from before and on a new one.
    @Test(arguments: [
        "UPDATE tasks SET lane = 'elsewhere'",
        "UPDATE tasks SET status = 'approved' WHERE lane <> 'approval'",
        "UPDATE tasks SET status = 'finished'",
        "UPDATE tasks SET status = 'blocked', reason = NULL WHERE lane <> 'approval'",
        "UPDATE accounts SET segment = 'huge'",
        "UPDATE touchpoints SET state = 'perhaps'",
    ])
    func whatTheListsRefusedIsStillRefused(_ bad: String) throws {
        for upgraded in [true, false] {
            let dir = TempDir()
            let path = dir.file("s.sqlite")
            _ = try seeded(dir, accounts: [sampleAccount(id: 1, name: "Acme")])
            if upgraded { try Self.backBeforeV16(path) }
            let store = try Store(path: path, mode: .readWrite)
            try store.write { tx in
                try tx.db.execute(
                    sql: """
                        INSERT INTO touchpoints (id, account_id, on_day, audience, channel, objective)
                        VALUES (900, 1, '2026-01-05', 'sponsor', 'call', 'kickoff')
                        """)
            }
            #expect(throws: (any Error).self, "\(bad)") { try store.write { tx in try tx.db.execute(sql: bad) } }
            // And what they allowed is allowed.
            try store.write { tx in
                try tx.db.execute(sql: "UPDATE touchpoints SET state = 'held'; UPDATE accounts SET segment = 'smb'")
                try tx.db.execute(sql: "UPDATE tasks SET status = 'waiting' WHERE lane <> 'approval'")
            }
        }
    }
}

extension CheckListsTests {
    @Test func theAgendasCountsReadTheOpenTaskIndexAndTheCompletedAccountsOwn() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        let plans = try store.read { db in
            try Store.agendaCounts.prefix(3).map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["2026-11-22", "2026-11-28"])
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        #expect(plans[0].contains("COVERING INDEX tasks_open_due"), "\(plans[0])")
        for plan in plans {
            #expect(plan.contains("accounts_completed") && !plan.contains("SCAN accounts;"), "\(plan)")
            #expect(!plan.contains("SEARCH a USING INTEGER PRIMARY KEY"), "\(plan)")
        }
    }
}

extension CheckListsTests {
    @Test func aUsersLastReviewIsOneSeekInTheReviewsIndexNotAWalkThroughEveryEvent() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        let plan = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.lastReviewSQL, arguments: ["lee"])
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("events_reviews_by") && !plan.contains("events_at"), "\(plan)")
    }
}
