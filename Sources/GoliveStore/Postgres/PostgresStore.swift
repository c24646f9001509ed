import Foundation

/// A team store on PostgreSQL: its connection, opened at this version's schema. What a
/// `Store` does on the file it will do here; so far the writing side (`write`), which
/// shares its statements with the file's (`RowWrites`).
final class PostgresStore {
    let connection: PostgresConnection
    let readOnly: Bool

    init(_ location: PostgresLocation, mode: Store.Mode) throws {
        connection = try PostgresConnection(location)
        readOnly = mode == .readOnly
        try PostgresSchema.migrate(connection, mayWrite: !readOnly)
        try connection.execute("SET search_path = \(PostgresSchema.name)")
    }

    /// Runs `body` in one transaction. Events restored with their ids move the server's
    /// counter past them, so the next new event gets the id SQLite would give it; it never
    /// moves back (an id is never given twice, as SQLite's AUTOINCREMENT never does).
    func write<T>(_ body: (RowWrites) throws -> T) throws -> T {
        try connection.transaction {
            let value = try body(RowWrites(connection: .postgres(connection)))
            try connection.execute(
                """
                SELECT setval('events_id_seq', m) FROM (SELECT max(id) AS m FROM events) e
                WHERE m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM events_id_seq)
                """)
            return value
        }
    }
}
