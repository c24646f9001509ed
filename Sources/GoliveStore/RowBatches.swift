import GRDB
import GoliveDomain

/// Reading one row per account and making something of each, on every core: `batch` rows
/// are copied out of the statement at a time and the batch is cut among the cores. The
/// packed rule views and metric facts are read this way, 10,000 at each report or screen.
enum RowBatches {
    /// What `make` gives for each row of `sql` (whose first column is the account id), in
    /// the rows' order; where it gives nil (bytes it cannot read), `whole` makes it from the
    /// account read whole instead, and an account gone since is left out.
    static func map<T>(
        _ db: Database, sql: String, batch size: Int = 1024, _ make: (Row) throws -> T?,
        whole: (Int64) throws -> T?
    ) throws -> [T] {
        let rows = try Row.fetchCursor(db, sql: sql)
        var out: [T] = []
        var batch: [Row] = []
        batch.reserveCapacity(size)
        func handOver() throws {
            var done = try batch.stripedMap(make)
            for i in done.indices where done[i] == nil {
                done[i] = try whole(batch[i][0])
            }
            out += done.compactMap { $0 }
            batch.removeAll(keepingCapacity: true)
        }
        while let r = try rows.next() {
            // The cursor's row is the statement's: copied so other threads can read it.
            batch.append(r.copy())
            if batch.count == size { try handOver() }
        }
        if !batch.isEmpty { try handOver() }
        return out
    }
}
