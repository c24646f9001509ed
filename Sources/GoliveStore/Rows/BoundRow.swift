import Foundation
import GRDB
import GRDBSQLite

/// One row's values bound where SQLite takes them, then the statement run: GRDB's
/// `StatementArguments` box every value and count them on each call, which took a fifth of
/// writing the 50 tasks, their dependencies and 46 events of each account that `seed`,
/// `import` and `restore` write. For the bulk INSERTs only; every other statement goes
/// through GRDB. On a team store the same binds gather the values for PostgreSQL.
struct BoundRow {
    private let statement: SQLiteStatement?
    /// Kept for its SQL, which GRDB trims on every read: read only when a row is refused.
    private let owner: Statement?
    private var next: Int32 = 1
    private let postgres: (connection: PostgresConnection, sql: String)?
    private var values: [PostgresValue] = []

    /// SQLite copies each text and blob before `bind` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
        owner = statement
        postgres = nil
        sqlite3_reset(self.statement)
    }

    init(_ connection: PostgresConnection, _ sql: String) {
        statement = nil
        owner = nil
        postgres = (connection, sql)
        values.reserveCapacity(16)
    }

    mutating func bind(_ value: Int64) {
        guard let statement else { return values.append(.int(value)) }
        sqlite3_bind_int64(statement, next, value)
        next += 1
    }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    mutating func bind(_ value: String) {
        guard let statement else { return values.append(.text(value)) }
        var text = value
        text.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would take for NULL.
            let start = bytes.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(Self.empty.utf8Start)
            sqlite3_bind_text(
                statement, next, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        }
        next += 1
    }

    mutating func bind(_ value: String?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: Data?) {
        guard let value else { return bindNull() }
        guard let statement else { return values.append(.bytes(value)) }
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(
                statement, next, bytes.baseAddress ?? UnsafeRawPointer(Self.empty.utf8Start), Int32(bytes.count),
                Self.transient)
        }
        next += 1
    }

    /// A text as its UTF-8 bytes (a team store's row copied into a file); a file's statement only.
    mutating func bind(utf8 bytes: UnsafeRawBufferPointer) {
        let start = bytes.baseAddress ?? UnsafeRawPointer(Self.empty.utf8Start)
        sqlite3_bind_text(
            statement, next, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
        next += 1
    }

    /// A blob as its bytes; a file's statement only.
    mutating func bind(blob bytes: UnsafeRawBufferPointer) {
        _ = sqlite3_bind_blob(
            statement, next, bytes.baseAddress ?? UnsafeRawPointer(Self.empty.utf8Start), Int32(bytes.count),
            Self.transient)
        next += 1
    }

    mutating func bindNull() {
        guard let statement else { return values.append(.null) }
        sqlite3_bind_null(statement, next)
        next += 1
    }

    /// Runs the INSERT; a refused row throws the `DatabaseError` GRDB would have thrown
    /// (on a team store, the server's `PostgresError`).
    func run() throws {
        if let postgres {
            try postgres.connection.send(postgres.sql, values)
            return
        }
        guard let statement, let owner else { return }
        // GRDB's arguments refuse a count that is not the statement's: so does this.
        guard next - 1 == sqlite3_bind_parameter_count(statement) else {
            sqlite3_clear_bindings(statement)
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(next - 1) values for \(sqlite3_bind_parameter_count(statement)) parameters", sql: owner.sql)
        }
        let code = sqlite3_step(statement)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        guard code == SQLITE_DONE else {
            let message = sqlite3_db_handle(statement).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: owner.sql)
        }
    }

    private static let empty: StaticString = ""
}
