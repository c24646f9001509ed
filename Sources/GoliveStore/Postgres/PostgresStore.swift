import Foundation

/// A team store on PostgreSQL: its connection, opened at this version's schema, through
/// which the `Store` reads and writes. A connection that was lost is made again by the next
/// read or write: a read is then simply done again, and so is a change the server cannot
/// have received (lost before its COMMIT was sent, so rolled back); a change lost while its
/// COMMIT was on the way is not, since it may have been saved.
final class PostgresStore: @unchecked Sendable {
    /// Used by one thread at a time (`lock`), as the file's queue is.
    let connection: PostgresConnection
    let readOnly: Bool
    private let lock = NSRecursiveLock()
    static let channel = "golive"
    /// This connection's server process: its own commits' notifications are not news.
    private var backend: Int32 = 0
    private var othersCommits = 0

    init(_ location: PostgresLocation, mode: Store.Mode) throws {
        connection = try PostgresConnection(location)
        readOnly = try mode == .readOnly || !PostgresSchema.mayWrite(connection)
        if try mode != .readOnly && readOnly && PostgresSchema.applied(connection).isEmpty {
            throw StoreError(
                "cannot open the store \(location): permission denied to create golive's schema in it "
                    + "(nothing was changed)")
        }
        try PostgresSchema.migrate(connection, mayWrite: !readOnly)
        try prepare()
    }

    /// What each connection needs before golive uses it.
    private func prepare() throws {
        try connection.execute("SET search_path = \(PostgresSchema.name)")
        // Every commit notifies; a board learns of others' from the server, not by polling.
        try connection.listen(PostgresStore.channel)
        backend = Int32(try connection.execute("SELECT pg_backend_pid()").int(0, 0) ?? 0)
    }

    /// Makes the connection again when it was lost. What others committed meanwhile sent no
    /// notification here, so the count moves on: every board reads what changed since.
    private func reconnectIfLost() throws {
        guard !connection.isOpen else { return }
        // A server that did not answer is tried again a few seconds later, not on every
        // read: each try may wait up to the connection's timeout, and boards read each second.
        if let next = nextTry, Date() < next {
            throw PostgresError(
                sqlState: nil, message: "reconnecting to \(connection.location)", detail: nil, connectionLost: true)
        }
        do {
            try connection.reset()
            try prepare()
        } catch {
            nextTry = Date().addingTimeInterval(retryAfter)
            throw error
        }
        nextTry = nil
        othersCommits += 1
    }

    /// Seconds between tries of a server that did not answer.
    var retryAfter: TimeInterval = 5
    private var nextTry: Date?

    /// `attempt` on a live connection, made again once if the connection turns out to be
    /// lost and `again` says the attempt may be repeated.
    private func live<T>(_ attempt: () throws -> T, again: () -> Bool) throws -> T {
        try lock.withLock {
            try reconnectIfLost()
            do {
                return try attempt()
            } catch let e as PostgresError where e.connectionLost && again() {
                try reconnectIfLost()
                return try attempt()
            }
        }
    }

    /// A number that changes whenever another connection has committed a change, as SQLite's
    /// `data_version` does: counted from the notifications that arrived meanwhile.
    func dataVersion() throws -> Int {
        try live(
            {
                othersCommits += try connection.notifications().filter { $0.sender != backend }.count
                return othersCommits
            }, again: { true })
    }

    /// Runs `body` in one transaction. Events restored with their ids move the server's
    /// counter past them, so the next new event gets the id SQLite would give it; it never
    /// moves back (an id is never given twice, as SQLite's AUTOINCREMENT never does).
    func write<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        var committing = false
        do {
            return try write(body, committing: &committing)
        } catch let e as PostgresError where e.connectionLost && committing {
            throw StoreError(
                "the connection to \(connection.location) was lost while a change was being saved (\(e)): it may "
                    + "have been saved or not — the board shows which once the store answers")
        }
    }

    private func write<T>(_ body: (PostgresConnection) throws -> T, committing: inout Bool) throws -> T {
        try live(
            {
                committing = false
                try connection.execute("BEGIN")
                do {
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
                    committing = true
                    try connection.execute("COMMIT")
                    return value
                } catch {
                    connection.rollback()
                    throw error
                }
            }, again: { !committing })
    }

    /// Runs `body` in one read-only transaction that sees the store as it stood when it
    /// began, whatever others commit meanwhile (an export's pieces all of one moment).
    func snapshot<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try live(
            {
                try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                do {
                    let value = try body(connection)
                    try connection.execute("COMMIT")
                    return value
                } catch {
                    connection.rollback()
                    throw error
                }
            }, again: { true })
    }

    /// Statements outside a transaction (`ANALYZE` after a restore).
    func run(_ sql: String) throws {
        try live({ _ = try connection.execute(sql) }, again: { true })
    }
}
