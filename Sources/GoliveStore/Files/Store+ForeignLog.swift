import Foundation
import GRDB

extension Store {
    /// Refuses a store beside a `-wal` that is not its own (another database's log copied
    /// or left there) before anything opens it: SQLite would replay that log into the store
    /// and, on closing, merge it into the file and delete it — after which nobody can save
    /// the store by moving the stray file away.
    ///
    /// Only a log nobody has open is looked at (no `-shm`: every connection to a WAL store
    /// keeps one), so a running board's log costs nothing, and no descriptor of ours on the
    /// store file can drop the locks of a connection this process holds (POSIX locks
    /// belong to the process). It must hold frames of the store's page size, and the store
    /// read with it must be a sound golive store where the store alone is — both tried
    /// on private copies, so the store and the log stay as they are.
    static func refuseForeignLog(_ path: String) throws {
        let wal = path + "-wal"
        guard fileSize(wal) ?? 0 >= 32, !FileManager.default.fileExists(atPath: path + "-shm") else { return }
        let refusal = StoreError(
            "\(wal) is not the log of the store \(path) (another database's, or damaged): "
                + "move it away and try again — nothing was changed")
        guard let logHeader = header(wal, 32), let storeHeader = header(path, 100) else { return }
        let magic = bigEndian(logHeader, 0, 4)
        // Without SQLite's magic the log is ignored, never replayed.
        guard magic == 0x377f_0682 || magic == 0x377f_0683 else { return }
        let storePage = bigEndian(storeHeader, 16, 2) == 1 ? 65_536 : bigEndian(storeHeader, 16, 2)
        guard bigEndian(logHeader, 8, 4) == storePage else { throw refusal }
        var template = Array(
            (NSTemporaryDirectory() as NSString).appendingPathComponent("golive-log-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let withLog = (folder as NSString).appendingPathComponent("with-log.sqlite")
        let alone = (folder as NSString).appendingPathComponent("alone.sqlite")
        do {
            try FileManager.default.copyItem(atPath: path, toPath: withLog)
            try FileManager.default.copyItem(atPath: wal, toPath: withLog + "-wal")
            guard !sound(withLog) else { return }
            try FileManager.default.copyItem(atPath: path, toPath: alone)
        } catch {
            return  // no room for a copy: SQLite's own checks are all that is left
        }
        if sound(alone) { throw refusal }
    }

    /// Whether the file at `path` is a sound golive store: it passes `PRAGMA quick_check`
    /// and is still golive's (another database's log replayed over page 1 makes a sound
    /// file of someone else's). False when it cannot be read.
    private static func sound(_ path: String) -> Bool {
        guard let copy = try? DatabaseQueue(path: path) else { return false }
        defer { try? copy.close() }
        let read = try? copy.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA quick_check"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            )
        }
        return read?.0 == ["ok"] && read?.1 == Schema.applicationID
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    private static func header(_ path: String, _ count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
        return n == count ? bytes : nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}
