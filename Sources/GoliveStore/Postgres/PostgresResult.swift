import CLibpq
import Foundation

/// The rows a statement gave, in libpq's binary format: integers as the server holds
/// them, texts as their UTF-8 bytes, nothing parsed twice.
public final class PostgresResult {
    private let result: OpaquePointer
    public let count: Int
    public let columns: Int

    init(_ result: OpaquePointer) {
        self.result = result
        count = Int(GPQntuples(result))
        columns = Int(GPQnfields(result))
    }

    deinit { GPQclear(result) }

    /// How many rows the statement changed (an UPDATE's matches).
    public var changed: Int { Int(String(cString: GPQcmdTuples(result))) ?? 0 }

    public func isNull(_ row: Int, _ column: Int) -> Bool {
        GPQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    /// The value's bytes as the server sent them (valid while the result lives).
    func bytes(_ row: Int, _ column: Int) -> UnsafeRawBufferPointer {
        let n = Int(GPQgetlength(result, Int32(row), Int32(column)))
        guard let p = GPQgetvalue(result, Int32(row), Int32(column)) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: p, count: n)
    }

    private func type(_ column: Int) -> UInt32 { GPQftype(result, Int32(column)) }

    /// A column of any integer type (or a boolean, as 0 or 1); nil when NULL.
    public func int(_ row: Int, _ column: Int) throws -> Int64? {
        if isNull(row, column) { return nil }
        let b = bytes(row, column)
        var v: Int64 = 0
        for byte in b { v = v << 8 | Int64(byte) }
        switch (type(column), b.count) {
        case (PostgresType.int8, 8), (PostgresType.oid, 4), (PostgresType.bool, 1): return v
        case (PostgresType.int4, 4): return Int64(Int32(truncatingIfNeeded: v))
        case (PostgresType.int2, 2): return Int64(Int16(truncatingIfNeeded: v))
        default: throw columnError(column, "an integer")
        }
    }

    /// A column of a text type; nil when NULL.
    public func text(_ row: Int, _ column: Int) throws -> String? {
        if isNull(row, column) { return nil }
        switch type(column) {
        case PostgresType.text, PostgresType.varchar, PostgresType.name, PostgresType.unknown:
            return String(decoding: bytes(row, column), as: UTF8.self)
        default: throw columnError(column, "a text")
        }
    }

    /// A `bytea` column; nil when NULL.
    public func data(_ row: Int, _ column: Int) throws -> Data? {
        if isNull(row, column) { return nil }
        guard type(column) == PostgresType.bytea else { throw columnError(column, "bytes") }
        return Data(bytes(row, column))
    }

    /// The value at `row`, `column` bound as the file holds it, straight from the server's
    /// bytes: a past day copies a whole team store into a file this way.
    func bind(_ row: Int, _ column: Int, into bound: inout BoundRow) throws {
        if isNull(row, column) { return bound.bindNull() }
        switch type(column) {
        case PostgresType.text, PostgresType.varchar, PostgresType.name, PostgresType.unknown:
            bound.bind(utf8: bytes(row, column))
        case PostgresType.bytea:
            bound.bind(blob: bytes(row, column))
        default:
            bound.bind(try int(row, column))
        }
    }

    /// A column's name as the statement gave it.
    func name(_ column: Int) -> String {
        GPQfname(result, Int32(column)).map { String(cString: $0) } ?? "#\(column)"
    }

    /// The index of the column called `name`, if any.
    func column(named name: String) -> Int? {
        let i = Int(GPQfnumber(result, "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
        return i < 0 ? nil : i
    }

    private func columnError(_ column: Int, _ wanted: String) -> StoreError {
        let name = GPQfname(result, Int32(column)).map { String(cString: $0) } ?? "#\(column)"
        return StoreError("the server gave column \(name) as type \(type(column)) where \(wanted) was expected")
    }
}

/// The type OIDs of PostgreSQL's catalogue that a result is read as.
enum PostgresType {
    static let bool: UInt32 = 16
    static let bytea: UInt32 = 17
    static let name: UInt32 = 19
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let text: UInt32 = 25
    static let oid: UInt32 = 26
    static let varchar: UInt32 = 1043
    static let unknown: UInt32 = 705
}
