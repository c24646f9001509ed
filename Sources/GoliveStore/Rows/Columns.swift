import Foundation
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
