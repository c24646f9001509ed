import Foundation
import GRDB
import GoliveDomain

/// Reading one row per account and making something of each, on every core: `batch` rows
/// are copied out of the statement at a time and the batch is cut among the cores, while
/// this thread reads the next batch (stepping SQLite and copying a fifth of the rows' work,
/// which would otherwise leave the cores waiting). The packed rule views and metric facts
/// are read this way, 10,000 at each report or screen.
enum RowBatches {
    /// What `make` gives for each row of `sql` (whose first column is the account id), in
    /// the rows' order; where it gives nil (bytes it cannot read), `whole` makes it from the
    /// account read whole instead, and an account gone since is left out.
    static func map<T>(
        _ db: Database, sql: String, arguments: StatementArguments = [], batch size: Int = 1024,
        _ make: (Row) throws -> T?, whole: (Int64) throws -> T?
    ) throws -> [T] {
        var out: [T] = []
        try forEach(db, sql: sql, arguments: arguments, batch: size, make, whole: whole) { out += $0 }
        return out
    }

    /// What `map` gives, handed to `each` a batch at a time in the rows' order as soon as
    /// the batch is made, while the next one is: nothing but the batches at work is held.
    /// Where the order is that of column `rising`, a row out of it is an error, not a
    /// report in another order.
    static func forEach<T>(
        _ db: Database, sql: String, arguments: StatementArguments = [], batch size: Int = 1024, rising: Int? = nil,
        _ make: (Row) throws -> T?, whole: (Int64) throws -> T?, each: ([T]) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var last = Int64.min
        try withoutActuallyEscaping(make) { make in
            var working: BatchAtWork<T>?
            // The work reads `make`, which must not outlive this call, whatever is thrown.
            defer { working?.wait() }
            func take(_ done: BatchAtWork<T>) throws {
                var made = try done.result()
                // `whole` reads the store: on this thread, the connection's.
                for i in made.indices where made[i] == nil {
                    made[i] = try whole(done.batch[i][0])
                }
                try each(made.compactMap { $0 })
            }
            var batch: [Row] = []
            batch.reserveCapacity(size)
            while let r = try rows.next() {
                if let rising {
                    let key: Int64 = r[rising]
                    guard key > last else { throw StoreError("the store gave the accounts out of the order asked") }
                    last = key
                }
                // The cursor's row is the statement's: copied so other threads can read it.
                batch.append(r.copy())
                if batch.count == size {
                    if let w = working { try take(w) }
                    working = BatchAtWork(batch, make)
                    batch = []
                    batch.reserveCapacity(size)
                }
            }
            if let w = working { try take(w) }
            working = nil
            if !batch.isEmpty { try take(BatchAtWork(batch, make)) }
        }
    }
}

/// One batch being made on other threads; `result` waits for it. Its rows are copies no
/// one else holds, and `make` reads nothing the reading thread changes: what makes handing
/// it over sound.
private final class BatchAtWork<T>: @unchecked Sendable {
    let batch: [Row]
    private let make: (Row) throws -> T?
    private var made: Result<[T?], any Error> = .success([])
    private let done = DispatchGroup()

    init(_ batch: [Row], _ make: @escaping (Row) throws -> T?) {
        self.batch = batch
        self.make = make
        DispatchQueue.global().async(group: done) { self.run() }
    }

    private func run() {
        made = Result { try batch.stripedMap(make) }
    }

    func wait() {
        done.wait()
    }

    func result() throws -> [T?] {
        wait()
        return try made.get()
    }
}
