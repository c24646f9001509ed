import Foundation
import GRDBSQLite
import GoliveDomain

/// The priors of a period's events as read, not decoded: packed ones copied one after
/// another into chunks of a megabyte and kept as where they lie — a week at 100,000 accounts
/// is 746,000 of them, and as a `Data` each they took two allocations and some 70 MB more —
/// and JSON ones, from before golive packed them, as their text. Per account, newest first.
struct PeriodPriors: Sendable {
    enum Kept: Sendable {
        case packed(chunk: Int32, start: Int32, count: Int32)
        case json(String)
    }

    static let chunkSize = 1 << 20
    private var chunks: [[UInt8]] = []
    /// Per account, its priors newest first.
    var byAccount: [Int64: [Kept]] = [:]
    /// Per account, how many events it had in the period (with a prior or not).
    var events: [Int64: Int] = [:]

    /// Takes the event the statement stands on: its account in `column`, its prior in the next.
    mutating func take(_ c: StatementColumns, column: Int) {
        let id = c.int64(column)
        events[id, default: 0] += 1
        switch sqlite3_column_type(c.statement, Int32(column + 1)) {
        case SQLITE_BLOB: c.withBytes(column + 1) { add(id, packed: $0) }
        case SQLITE_TEXT: byAccount[id, default: []].append(.json(c.text(column + 1)))
        default: break
        }
    }

    /// The same from a team store's row, where every prior is packed.
    mutating func take(_ c: PostgresColumns, column: Int) {
        let id = c.int64(column)
        events[id, default: 0] += 1
        if !c.isNull(column + 1) { c.withBytes(column + 1) { add(id, packed: $0) } }
    }

    private mutating func add(_ id: Int64, packed bytes: UnsafeRawBufferPointer) {
        if chunks.isEmpty || chunks[chunks.count - 1].count + bytes.count > PeriodPriors.chunkSize {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(PeriodPriors.chunkSize, bytes.count))
            chunks.append(chunk)
        }
        let k = chunks.count - 1
        let start = chunks[k].count
        chunks[k].append(contentsOf: bytes)
        byAccount[id, default: []].append(.packed(chunk: Int32(k), start: Int32(start), count: Int32(bytes.count)))
    }

    /// The prior as `StoredPrior` decodes it.
    func decoded(_ kept: Kept) throws -> Prior {
        switch kept {
        case .json(let text): return try Rows.prior(text)
        case .packed(let chunk, let start, let count):
            return try chunks[Int(chunk)].withUnsafeBytes { all in
                try StoredPrior.unpack(UnsafeRawBufferPointer(rebasing: all[Int(start)..<Int(start + count)]))
            }
        }
    }

    /// Each of `id`'s priors decoded, newest first.
    func decoded(of id: Int64) throws -> [Prior] { try (byAccount[id] ?? []).map(decoded) }
}
