import GoliveDomain

/// One overdue task as the store's cursor stands on it: its texts are read as the bytes
/// SQLite holds, valid only inside the call that hands it over. The overdue report writes
/// 30,000 of these at 10,000 accounts, and making strings of them cost more than the query.
public struct OverdueTaskBytes {
    public enum Field: Int {
        case account = 0
        case csm, lane, title, owner, status, due
    }

    /// The row the cursor stands on, read where SQLite holds it (GRDB's own no-copy access
    /// wraps each column in a `Data`, which cost more than the query), or a team store's row.
    let columns: Row
    public internal(set) var due: Day

    enum Row {
        case file(StatementColumns)
        case team(PostgresColumns)
    }

    public func withBytes<T>(_ field: Field, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch columns {
        case .file(let c): return try c.withBytes(field.rawValue, body)
        case .team(let c): return try c.withBytes(field.rawValue, body)
        }
    }

    public func text(_ field: Field) -> String { withBytes(field) { String(decoding: $0, as: UTF8.self) } }
}
