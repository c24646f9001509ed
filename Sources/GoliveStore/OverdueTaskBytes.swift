import GRDB
import GRDBSQLite
import GoliveDomain

/// One overdue task as the store's cursor stands on it: its texts are read as the bytes
/// SQLite holds, valid only inside the call that hands it over. The overdue report writes
/// 30,000 of these at 10,000 accounts, and making strings of them cost more than the query.
public struct OverdueTaskBytes {
    public enum Field: Int {
        case account = 0
        case csm, lane, title, owner, status, due
    }

    /// The statement the cursor steps: its columns are read where SQLite holds them
    /// (GRDB's own no-copy access wraps each in a `Data`, which cost more than the query).
    let statement: SQLiteStatement
    public internal(set) var due: Day

    public func withBytes<T>(_ field: Field, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let i = Int32(field.rawValue)
        // Text first, then its length: the order SQLite's documentation asks for.
        let text = sqlite3_column_text(statement, i)
        let count = Int(sqlite3_column_bytes(statement, i))
        return try body(UnsafeRawBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    public func text(_ field: Field) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }
}
