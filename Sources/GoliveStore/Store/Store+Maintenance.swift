import Foundation
import GRDB

extension Store {
    /// Rewrites the file with each table's pages together (`VACUUM`). A bulk load writes
    /// every table's pages interleaved; opening the board then reads the accounts and their
    /// facts from all over the file, which costs seconds when the file is not in memory.
    public func compact() throws {
        if readOnly { throw StoreError("read-only: the store \(path) was opened without write access") }
        // The server reclaims space itself; after a restore its planner needs the tables' sizes.
        if let team { return try team.run("ANALYZE") }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
    }

    /// Leaves copying the write-ahead log into the file to `checkpoint()`. SQLite otherwise
    /// does it inside whichever commit crosses 1,000 logged pages, and that commit — a key
    /// press — then waits tens of milliseconds for it.
    public func deferCheckpoints() throws {
        if readOnly || team != nil { return }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
    }

    /// Copies what the log holds into the file without waiting for readers (`PRAGMA
    /// wal_checkpoint(PASSIVE)`): for idle moments. The last connection to close does it too.
    /// Returns whether every logged page was copied (false when a reader held some back).
    @discardableResult
    public func checkpoint() throws -> Bool {
        if readOnly || team != nil { return true }
        return try pool.writeWithoutTransaction { db in
            guard let r = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return false }
            let (busy, logged, copied): (Int, Int, Int) = (r[0], r[1], r[2])
            return busy == 0 && logged == copied
        }
    }

    /// A number that changes whenever another connection commits (`PRAGMA data_version`).
    public func dataVersion() throws -> Int {
        if let team { return try team.dataVersion() }
        return try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// SQLite's own check of the file: "ok" when sound.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
