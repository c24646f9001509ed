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

/// What rows are read from: the file's connection or the team store's.
protocol RowSource {
    associatedtype SourceRow: StoreRow
    /// Each row of `sql`, in order, handed to `body` (valid only during the call).
    func each(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: (SourceRow) throws -> Void) throws
}

extension RowSource {
    /// What `make` gives for each row of `sql`, in order.
    func all<T>(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = [], _ make: (SourceRow) throws -> T)
        throws -> [T]
    {
        var out: [T] = []
        try each(sql, values) { out.append(try make($0)) }
        return out
    }

    /// The first column of each row, as `Value`.
    func column<Value: DatabaseValueConvertible>(
        _ sql: String, _ values: [(any DatabaseValueConvertible)?] = [], as type: Value.Type = Value.self
    ) throws -> [Value] {
        try all(sql, values) { $0[0] }
    }
}

extension Database: RowSource {
    func each(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: (Row) throws -> Void) throws {
        let rows = try Row.fetchCursor(self, sql: sql, arguments: StatementArguments(values))
        while let r = try rows.next() { try body(r) }
    }
}

extension PostgresConnection: RowSource {
    func each(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: (PostgresRow) throws -> Void)
        throws
    {
        let result = try execute(sql, values.map(PostgresValue.init))
        for i in 0..<result.count { try body(PostgresRow(result: result, index: i)) }
    }
}

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
