import Foundation

/// A libpq result's row, in binary: integers as the server sends them, texts and bytes as
/// their bytes.
struct PostgresColumns: Columns {
    let result: PostgresResult
    let row: Int

    func isNull(_ i: Int) -> Bool { result.isNull(row, i) }

    func int64(_ i: Int) -> Int64 { ((try? result.int(row, i)) ?? nil) ?? 0 }

    func withBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(result.bytes(row, i))
    }
}
