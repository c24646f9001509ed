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

/// Reads through either connection, for the few rows one change reads (the file's bulk
/// readers take the file's `Database` itself and keep GRDB's direct column reads).
extension StoreConnection: RowSource {
    func each(_ sql: String, _ values: [(any DatabaseValueConvertible)?], _ body: (EitherRow) throws -> Void) throws {
        switch self {
        case .sqlite(let db): try db.each(sql, values) { try body(.file($0)) }
        case .postgres(let pg): try pg.each(sql, values) { try body(.team($0)) }
        }
    }
}
