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
    /// wraps each column in a `Data`, which cost more than the query).
    let columns: StatementColumns
    public internal(set) var due: Day

    public func withBytes<T>(_ field: Field, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try columns.withBytes(field.rawValue, body)
    }

    public func text(_ field: Field) -> String { columns.text(field.rawValue) }
}
