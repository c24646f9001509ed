import Foundation
import GRDB
import GRDBSQLite
import GoliveDomain

/// SQLite's statement's columns. GRDB's `Row` looks up each value's type at run time and
/// copies it into a boxed value: for the board's 10,000 rows of facts (31 columns each),
/// that took most of reading them.
struct StatementColumns: Columns {
    let statement: SQLiteStatement

    func isNull(_ i: Int) -> Bool { sqlite3_column_type(statement, Int32(i)) == SQLITE_NULL }

    func int64(_ i: Int) -> Int64 { sqlite3_column_int64(statement, Int32(i)) }

    func withBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        // The pointer first, then its length: the order SQLite's documentation asks for.
        let start = sqlite3_column_blob(statement, Int32(i))
        let count = Int(sqlite3_column_bytes(statement, Int32(i)))
        return try body(UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count))
    }

    func text(_ i: Int) -> String {
        let start = sqlite3_column_text(statement, Int32(i))
        let count = Int(sqlite3_column_bytes(statement, Int32(i)))
        return String(decoding: UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count), as: UTF8.self)
    }

    /// A prior column as `Rows.storedPrior` reads it.
    func storedPrior(_ i: Int) -> StoredPrior? {
        switch sqlite3_column_type(statement, Int32(i)) {
        case SQLITE_BLOB: return .packed(withBytes(i) { Data($0) })
        case SQLITE_TEXT: return .json(text(i))
        default: return nil
        }
    }
}
