import Foundation
import GRDB

extension Store {
    /// A consistent copy of this file store at `path`, taken while other instances keep
    /// working (SQLite's online backup copies one moment of the file), checked with
    /// `PRAGMA integrity_check` before it takes the name, for its owner only (0600). A file
    /// already at `path` is replaced only once the copy is sound. A backup is one
    /// self-contained file (`wal` false: a rollback journal, so reading it leaves nothing
    /// beside it); a store made from one is in WAL mode, as every store is.
    public func backup(to destination: Destination, wal: Bool = false) throws {
        guard team == nil else {
            throw StoreError(
                "\(self.path) is a PostgreSQL store: back it up with the server's tools (pg_dump -n golive -Fc)")
        }
        let temporary = try destination.makeScratch()
        do {
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
            try Store.sync(temporary)
            try destination.moveIntoPlace(temporary)
            Destination.removeScratch(temporary)
        } catch let e as DatabaseError {
            Destination.removeScratch(temporary)
            throw Store.backupFailure(e, of: self.path, to: destination)
        } catch {
            Destination.removeScratch(temporary)
            throw error
        }
    }

    /// SQLite's words for a failed copy are its result code's ("not an error" for a full disk
    /// seen through the backup API): the cause is told in the user's words instead.
    static func backupFailure(_ e: DatabaseError, of store: String, to destination: Destination) -> StoreError {
        switch e.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return destination.failure(ENOSPC, writing: true)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return destination.failure(EACCES, writing: true)
        case .SQLITE_IOERR:
            return StoreError(
                "cannot back up \(store) to \(destination.path): the disk failed to write (nothing was written)")
        default:
            return StoreError(
                "cannot back up \(store) to \(destination.path): \(e.message ?? "error \(e.resultCode.rawValue)") "
                    + "(nothing was written)")
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
