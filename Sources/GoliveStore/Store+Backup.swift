import Foundation
import GRDB

extension Store {
    /// A consistent copy of this file store at `path`, taken while other instances keep
    /// working (SQLite's online backup copies one moment of the file), checked with
    /// `PRAGMA integrity_check` before it takes the name, for its owner only (0600). A file
    /// already at `path` is replaced only once the copy is sound. A backup is one
    /// self-contained file (`wal` false: a rollback journal, so reading it leaves nothing
    /// beside it); a store made from one is in WAL mode, as every store is.
    public func backup(to path: String, wal: Bool = false) throws {
        guard team == nil else {
            throw StoreError(
                "\(self.path) is a PostgreSQL store: back it up with the server's tools (pg_dump -n golive -Fc)")
        }
        let temporary = path + ".golive-\(getpid()).tmp"
        Store.removeCopy(temporary)
        do {
            try Store.createFile(temporary)
            let target = try DatabaseQueue(path: temporary)
            try pool.backup(to: target)
            try target.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(wal ? "WAL" : "DELETE")")
            }
            let check = try target.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            try target.close()
            guard check == ["ok"] else {
                throw StoreError(
                    "the copy of \(self.path) failed its integrity check (\(check.joined(separator: "; ")))")
            }
            guard rename(temporary, path) == 0 else {
                throw StoreError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            Store.removeCopy(temporary)
        } catch let e as DatabaseError {
            Store.removeCopy(temporary)
            throw StoreError("cannot back up \(self.path) to \(path): \(e.message ?? "error \(e.resultCode.rawValue)")")
        } catch {
            Store.removeCopy(temporary)
            throw error
        }
    }

    /// Whether `path` is a SQLite file (a backup), by its header.
    public static func isSQLiteFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }
}
