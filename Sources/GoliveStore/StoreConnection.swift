import Foundation
import GRDB

/// What a change's statements are run through: the SQLite file's connection or the team
/// store's server. The statements are the same text and the same values for both.
enum StoreConnection {
    case sqlite(Database)
    case postgres(PostgresConnection)

    /// Runs one statement (compiled once per connection on SQLite: every change runs the
    /// same few).
    func run(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws {
        switch self {
        case .sqlite(let db): try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
        case .postgres(let pg): try pg.execute(sql, values.map(PostgresValue.init))
        }
    }

    /// An INSERT whose values are bound one by one (see `BoundRow`).
    func bound(_ sql: String) throws -> BoundRow {
        switch self {
        case .sqlite(let db): return BoundRow(try db.cachedStatement(sql: sql))
        case .postgres(let pg): return BoundRow(pg, sql)
        }
    }

    /// The first column of the first row, as an integer (nil when there is no row or NULL).
    func integer(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws -> Int64? {
        switch self {
        case .sqlite(let db): return try Int64.fetchOne(db, sql: sql, arguments: StatementArguments(values))
        case .postgres(let pg):
            let result = try pg.execute(sql, values.map(PostgresValue.init))
            return result.count == 0 ? nil : try result.int(0, 0)
        }
    }
}

extension PostgresValue {
    /// The value GRDB would bind, as PostgreSQL takes it (a Bool as 0 or 1, as SQLite keeps it).
    init(_ value: (any DatabaseValueConvertible)?) {
        switch value?.databaseValue.storage {
        case .none, .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .text(String(d))
        case .string(let s): self = .text(s)
        case .blob(let d): self = .bytes(d)
        }
    }
}
