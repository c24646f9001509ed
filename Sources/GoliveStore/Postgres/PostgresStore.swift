import Foundation

/// A team store on PostgreSQL: its connection, opened at this version's schema. What a
/// `Store` does on the file it will do here; so far the writing side (`write`), which
/// shares its statements with the file's (`RowWrites`).
final class PostgresStore: @unchecked Sendable {
    /// Used by one thread at a time (`lock`), as the file's queue is.
    let connection: PostgresConnection
    let readOnly: Bool
    private let lock = NSRecursiveLock()

    init(_ location: PostgresLocation, mode: Store.Mode) throws {
        connection = try PostgresConnection(location)
        readOnly = mode == .readOnly
        try PostgresSchema.migrate(connection, mayWrite: !readOnly)
        try connection.execute("SET search_path = \(PostgresSchema.name)")
        // Every commit notifies; a board learns of others' from the server, not by polling.
        try connection.listen(PostgresStore.channel)
        backend = Int32(try connection.execute("SELECT pg_backend_pid()").int(0, 0) ?? 0)
    }

    static let channel = "golive"
    /// This connection's server process: its own commits' notifications are not news.
    private let backend: Int32
    private var othersCommits = 0

    /// A number that changes whenever another connection has committed a change, as SQLite's
    /// `data_version` does: counted from the notifications that arrived meanwhile.
    func dataVersion() throws -> Int {
        try lock.withLock {
            othersCommits += try connection.notifications().filter { $0.sender != backend }.count
            return othersCommits
        }
    }

    /// Runs `body` in one transaction. Events restored with their ids move the server's
    /// counter past them, so the next new event gets the id SQLite would give it; it never
    /// moves back (an id is never given twice, as SQLite's AUTOINCREMENT never does).
    func write<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try lock.withLock {
            try connection.transaction {
                // One writer at a time, as SQLite has: each change reads its account, checks
                // the version the user saw and takes the next id inside its transaction, so
                // two changes made at once on two machines must not interleave (the second
                // then reads the first's result, and a stale edit is refused by name).
                try connection.execute("SELECT pg_advisory_xact_lock(hashtext('golive writes'))")
                let value = try body(connection)
                try connection.execute("SELECT pg_notify('\(PostgresStore.channel)', '')")
                try connection.execute(
                    """
                    SELECT setval('events_id_seq', m) FROM (SELECT max(id) AS m FROM events) e
                    WHERE m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM events_id_seq)
                    """)
                return value
            }
        }
    }

    /// Runs `body` in one read-only transaction that sees the store as it stood when it
    /// began, whatever others commit meanwhile (an export's pieces all of one moment).
    func snapshot<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try lock.withLock {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let value = try body(connection)
                try connection.execute("SELECT pg_notify('\(PostgresStore.channel)', '')")
                try connection.execute("COMMIT")
                return value
            } catch {
                _ = try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Statements outside a transaction (`ANALYZE` after a restore).
    func run(_ sql: String) throws {
        try lock.withLock { _ = try connection.execute(sql) }
    }
}
