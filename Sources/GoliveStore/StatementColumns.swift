import Foundation
import GRDB
import GRDBSQLite
import GoliveDomain

/// The columns of the row a reader stands on, read where the store holds them: SQLite's
/// statement (`StatementColumns`) or a libpq result (`PostgresColumns`). What is built on
/// the three requirements is the same for both.
protocol Columns {
    func isNull(_ i: Int) -> Bool
    func int64(_ i: Int) -> Int64
    func withBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T
}

extension Columns {
    func int(_ i: Int) -> Int { Int(int64(i)) }

    func optionalInt(_ i: Int) -> Int? { isNull(i) ? nil : int(i) }

    /// A day stored as ISO text (`YYYY-MM-DD`), read on its bytes.
    func isoDay(_ i: Int, _ column: String) throws -> Day {
        guard let day = withBytes(i, Day.init(isoBytes:)) else { throw StoreError.unreadable(column, text(i)) }
        return day
    }

    func day(_ i: Int) -> Day { Day(ordinal: int(i)) }

    func optionalDay(_ i: Int) -> Day? { optionalInt(i).map(Day.init(ordinal:)) }

    func bool(_ i: Int) -> Bool { int(i) != 0 }

    func text(_ i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

    func optionalText(_ i: Int) -> String? { isNull(i) ? nil : text(i) }

    /// Refuses a row whose NOT NULL columns hold NULL, as `Row.requireValues` does.
    func requireValues(_ indices: [Int], in table: String) throws {
        for i in indices where isNull(i) {
            throw StoreError.unreadable("\(table) column \(i + 1)", "NULL")
        }
    }

    /// The value of one of the domain's word enums in column `i`, as `Row.word` reads it.
    func word<T: RawRepresentable>(_ i: Int, _ column: String) throws -> T where T.RawValue == String {
        let text = text(i)
        guard let value = T(rawValue: text) else { throw StoreError.unreadable(column, text) }
        return value
    }
}

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

/// A libpq result's row, in binary: integers as the server sends them, texts and bytes as
/// their bytes.
struct PostgresColumns: Columns {
    let result: PostgresResult
    let row: Int

    func isNull(_ i: Int) -> Bool { result.isNull(row, i) }

    func int64(_ i: Int) -> Int64 { ((try? result.int(row, i)) ?? nil) ?? 0 }

    func withBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(result.bytes(row, i))
    }
}
