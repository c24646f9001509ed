import Foundation
import GRDB

/// A row as the store's readers take it, whichever store it came from: GRDB's `Row` for the
/// file, `PostgresRow` for the team store. Readers written against it are specialized for
/// each, so the file's keep GRDB's direct column reads.
protocol StoreRow {
    func value<Value: DatabaseValueConvertible>(at index: Int) -> Value
    /// The same, for the types GRDB reads straight from SQLite's statement.
    func directValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(at index: Int) -> Value
    func value<Value: DatabaseValueConvertible>(named column: String) -> Value
    func hasNull(atIndex index: Int) -> Bool
}

/// Readers take columns as GRDB's rows give them, `r[2]` and `r["name"]`, whichever row it is.
extension StoreRow {
    subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value { value(at: index) }
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int) -> Value {
        directValue(at: index)
    }
    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value { value(named: column) }
}

extension Row: StoreRow {
    func value<Value: DatabaseValueConvertible>(at index: Int) -> Value { self[index] as Value }
    func directValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(at index: Int) -> Value {
        self[index] as Value
    }
    func value<Value: DatabaseValueConvertible>(named column: String) -> Value { self[column] as Value }
}
