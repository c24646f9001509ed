import Foundation
import GRDB

/// One row of a team store's result, read as GRDB reads the file's: the same conversions
/// from the same values, so one reader serves both.
struct PostgresRow: StoreRow {
    let result: PostgresResult
    let index: Int

    func hasNull(atIndex column: Int) -> Bool { result.isNull(index, column) }

    func databaseValue(_ column: Int) -> DatabaseValue {
        if result.isNull(index, column) { return .null }
        if let n = try? result.int(index, column) { return n.databaseValue }
        if let s = try? result.text(index, column) { return s.databaseValue }
        if let d = try? result.data(index, column) { return d.databaseValue }
        return .null
    }

    func value<Value: DatabaseValueConvertible>(at column: Int) -> Value {
        let value = databaseValue(column)
        // As GRDB's rows do: a value of the wrong kind is a programming error, and the
        // readers check NOT NULL columns (`requireValues`) before taking them.
        guard let converted = Value.fromDatabaseValue(value) else {
            fatalError("column \(result.name(column)) holds \(value), not \(Value.self)")
        }
        return converted
    }

    func directValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(at column: Int) -> Value {
        value(at: column)
    }

    func value<Value: DatabaseValueConvertible>(named name: String) -> Value {
        guard let column = result.column(named: name) else { fatalError("no column \(name) in the result") }
        return value(at: column)
    }
}
