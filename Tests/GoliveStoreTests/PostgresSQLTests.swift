import Testing

@testable import GoliveStore

/// The file's statements in PostgreSQL's dialect: placeholders numbered, quoted question
/// marks left alone, and a replace of the kept facts made an upsert on their key.
struct PostgresSQLTests {
    static let cases: [(sql: String, translated: String)] = [
        ("SELECT 1", "SELECT 1"),
        ("UPDATE t SET a = ?, b = ? WHERE id = ?", "UPDATE t SET a = $1, b = $2 WHERE id = $3"),
        ("SELECT * FROM t WHERE a = '?' AND b = ?", "SELECT * FROM t WHERE a = '?' AND b = $1"),
        ("SELECT * FROM t WHERE a = 'it''s ?' AND b = ?", "SELECT * FROM t WHERE a = 'it''s ?' AND b = $1"),
        ("WHERE a IN (?1) AND at >= ?2 AND id >= ?2", "WHERE a IN ($1) AND at >= $2 AND id >= $2"),
        ("VALUES (?,?)", "VALUES ($1,$2)"),
        (
            "INSERT OR REPLACE INTO account_rule_views (account_id, rule_view) VALUES (?, ?)",
            "INSERT INTO account_rule_views (account_id, rule_view) VALUES ($1, $2)"
                + " ON CONFLICT (account_id) DO UPDATE SET rule_view = excluded.rule_view"
        ),
        (
            "INSERT OR REPLACE INTO f (k,\n  a, b) VALUES (?, ?, ?)",
            "INSERT INTO f (k,\n  a, b) VALUES ($1, $2, $3) ON CONFLICT (k) DO UPDATE SET a = excluded.a, b = excluded.b"
        ),
        ("INSERT INTO t VALUES (?)", "INSERT INTO t VALUES ($1)"),
    ]

    @Test(arguments: cases.indices)
    func aStatementReadsTheSameInPostgreSQL(_ i: Int) {
        #expect(PostgresSQL.translate(PostgresSQLTests.cases[i].sql) == PostgresSQLTests.cases[i].translated)
    }
}

/// Where a password sits in a store URL (to hide it from the process list).
struct PasswordRangeTests {
    static let cases: [(argument: String, password: String?)] = [
        ("postgresql://ana:s3cret@db/golive", "s3cret"),
        ("--store=postgres://ana:p%40ss:w0rd@db:5432/golive", "p%40ss:w0rd"),
        ("POSTGRESQL://ana:x@db/golive", "x"),
        ("postgresql://ana@db/golive", nil),
        ("postgresql://ana:@db/golive", nil),
        ("postgresql://db/golive", nil),
        ("/home/ana/golive.sqlite", nil),
        ("https://ana:s3cret@example.com/", nil),
    ]

    @Test(arguments: cases.indices)
    func thePasswordIsFoundWhereAURLHasOne(_ i: Int) {
        let c = PasswordRangeTests.cases[i]
        #expect(PostgresLocation.passwordRange(in: c.argument).map { String(c.argument[$0]) } == c.password)
    }
}
