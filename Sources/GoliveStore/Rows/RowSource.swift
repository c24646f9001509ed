import Foundation
import GRDB

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
