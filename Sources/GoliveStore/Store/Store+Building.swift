import Foundation
import GRDB

extension Store {
    /// Whether `build(at:)` makes a store at `path` whole: nothing is there yet, or an
    /// empty regular file (no process can have a store open there). A device or a FIFO is
    /// empty too, yet is never replaced (`--store /dev/null` run as root would replace the
    /// machine's): it is left to the open, which refuses it.
    public static func canBuild(at path: String) -> Bool {
        if PostgresLocation.isURL(path) || companion(path) != nil { return false }
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        return (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }

    /// Makes a new store at `path` all at once: `fill` writes into a private scratch store
    /// beside it (no write-ahead log, no syncs: nobody else can open it, and a crash leaves
    /// only the scratch file, removed by the next build), which is then copied compacted
    /// (`VACUUM INTO`) and renamed into place. Nothing is at `path` until everything is; a
    /// store in place was compacted by rewriting it through its log, three times the writing.
    public static func build(at path: String, _ fill: (Store) throws -> Void) throws -> Store {
        guard canBuild(at: path) else { throw StoreError("\(path) already holds a store: build a new one") }
        try refuseOrphanLog(path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let existed = FileManager.default.fileExists(atPath: path)
        try createFile(path)  // the folder, made private if new; and a placeholder others see
        let prefix = ".\(url.lastPathComponent).building-"
        removeAbandonedBuilds(in: folder, prefix: prefix)
        let stem = (folder as NSString).appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        let (scratch, whole) = (stem + ".scratch", stem + ".sqlite")
        defer {
            removeCopy(scratch)
            removeCopy(whole)
        }
        do {
            let store = try Store(path: scratch, mode: .create)
            try store.pool.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            try fill(store)
            try createFile(whole)
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [whole]) }
            try store.pool.close()
            let copy = try DatabaseQueue(path: whole)
            try copy.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError("cannot switch \(whole) to WAL mode")
                }
            }
            try copy.close()
            try sync(whole)
            // Under the lock another golive takes to create a store there: one that opened the
            // placeholder meanwhile made it a store of its own, which is not replaced.
            try withLock(path + ".lock", skip: false) {
                guard canBuild(at: path) else {
                    throw StoreError(
                        "another golive opened \(path) while the new store was built there: nothing was moved in")
                }
                guard rename(whole, path) == 0 else {
                    throw StoreError("cannot move the new store into \(path): \(String(cString: strerror(errno)))")
                }
            }
            try sync(folder)
        } catch {
            // Our placeholder, if still empty: nothing was made.
            if !existed && canBuild(at: path) { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        return try Store(path: path, mode: .readWrite)
    }

    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw StoreError("cannot open \(path) to sync it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// Whether `path` is a regular file of this user's, as golive's scratch files are: a
    /// folder or another user's file under a name like one is never removed.
    static func isOwnFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_uid == geteuid()
    }

    /// The scratch files of builds whose process ended (killed, or the machine stopped).
    static func removeAbandonedBuilds(in folder: String, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            // .NAME.building-PID-XXXXXXXX.scratch (and -wal, -shm, .lock beside it)
            let path = (folder as NSString).appendingPathComponent(name)
            guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0, pid != getpid(),
                isOwnFile(path), ended(pid)
            else { continue }
            unlink(path)
        }
    }
}
