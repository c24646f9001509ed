import Foundation
import GRDB
import Testing

@testable import GoliveStore

/// The bulk INSERTs bind their values straight into SQLite: what they write must be what
/// GRDB's arguments write, NULL only where a value is missing.
struct BoundRowTests {
    func table() throws -> DatabaseQueue {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(
                sql: "CREATE TABLE t (i INTEGER, s TEXT NOT NULL, o TEXT, b BLOB, f INTEGER CHECK (f IN (0, 1)))")
        }
        return q
    }

    @Test(arguments: [
        ("", nil as String?, Data(), false),
        ("Café Olé — ✔", "e\u{301}", Data([0, 1, 255]), true),
        (String(repeating: "x", count: 100_000), "", Data(count: 70_000), true),
        ("tab\tline\nbreak", nil, Data([0]), false),
    ])
    func boundValuesReadBackAsGRDBWritesThem(_ text: String, _ optional: String?, _ blob: Data, _ flag: Bool) throws {
        let q = try table()
        try q.write { db in
            for n in [Int64(-1), 0, Int64.max] {
                var row = BoundRow(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
                row.bind(n)
                row.bind(text)
                row.bind(optional)
                row.bind(blob)
                row.bind(flag)
                try row.run()
                try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)", arguments: [n, text, optional, blob, flag])
            }
        }
        let rows = try q.read { db in try Row.fetchAll(db, sql: "SELECT * FROM t ORDER BY rowid") }
        #expect(rows.count == 6)
        for pair in stride(from: 0, to: rows.count, by: 2) {
            #expect(rows[pair] == rows[pair + 1])
            #expect((rows[pair]["s"] as String?) == text)
            #expect((rows[pair]["o"] as String?) == optional)
            #expect((rows[pair]["b"] as Data?) == blob)
        }
        let types = try q.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(s) || typeof(o) || typeof(b) FROM t")
        }
        #expect(Set(types) == ["text" + (optional == nil ? "null" : "text") + "blob"])
    }

    @Test func aTextIsStoredWholeEvenPastANul() throws {
        // Input refuses control characters before they reach a statement; were one to come,
        // nothing after it is lost (GRDB's arguments end the text there).
        let q = try table()
        try q.write { db in
            var row = BoundRow(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
            row.bind(Int64(1))
            row.bind("before\u{0}after")
            row.bindNull()
            row.bindNull()
            row.bind(true)
            try row.run()
        }
        #expect(try q.read { db in try Int.fetchOne(db, sql: "SELECT length(CAST(s AS BLOB)) FROM t") } == 12)
    }

    @Test func aRefusedRowThrowsWhatSQLiteSaidAndTheStatementServesTheNextRow() throws {
        let q = try table()
        try q.write { db in
            func insert(_ flag: Int) throws {
                var row = BoundRow(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
                row.bind(Int64(1))
                row.bind("a")
                row.bindNull()
                row.bind(nil as Data?)
                row.bind(flag)
                try row.run()
            }
            #expect {
                try insert(7)
            } throws: { error in
                let e = error as? DatabaseError
                return e?.resultCode == .SQLITE_CONSTRAINT && e?.message?.contains("CHECK constraint failed") == true
                    && e?.sql?.contains("INSERT INTO t") == true
            }
            try insert(1)
            // Too few values is refused, as GRDB's arguments refuse it, and nothing is written.
            var short = BoundRow(try db.cachedStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
            short.bind(Int64(2))
            short.bind("b")
            #expect(throws: DatabaseError.self) { try short.run() }
        }
        #expect(try q.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 1)
    }
}
