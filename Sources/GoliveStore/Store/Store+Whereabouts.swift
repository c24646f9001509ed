import Foundation
import GRDB
import GoliveDomain

/// Where the file a store was opened from is now. A running board holds its file open, so
/// a file deleted, moved or replaced under it would take every later change into a file
/// nobody opens again.
public enum StoreWhereabouts: Equatable, Sendable {
    case inPlace
    /// The file the store opened, now under another name.
    case moved(to: String)
    /// The file the store opened has no name any more.
    case deleted
    /// Another file has the name; the one the store opened is at `ours`, or has no name.
    case replaced(ours: String?)
}

/// A file by device and inode, which a rename keeps and a new file does not.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// By `stat` alone: opening and closing the store file would drop this process's
    /// POSIX locks on it (see `StoreOpeningTests`).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

extension Store {
    /// Where the store's file is now (a `stat`, a few microseconds; on Linux the process's
    /// own descriptors say where a moved file went).
    public func whereabouts() -> StoreWhereabouts {
        guard let identity else { return .inPlace }
        let named = FileIdentity(path: path)
        if named == identity { return .inPlace }
        let ours = Store.currentName(of: identity)
        guard named != nil else { return ours.map { .moved(to: $0) } ?? .deleted }
        return .replaced(ours: ours)
    }

    /// The name the file has now, found among this process's open descriptors (which
    /// SQLite keeps open on it); nil when it has none, or the system cannot tell.
    static func currentName(of identity: FileIdentity) -> String? {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in fds {
            let link = "/proc/self/fd/\(fd)"
            guard FileIdentity(path: link) == identity,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link)
            else { continue }
            return target.hasSuffix(" (deleted)") ? nil : target
        }
        return nil
    }

    /// After the file was taken away: puts every saved change where a later golive will
    /// find it and says where; then the connection is abandoned — never read, written or
    /// closed again. Closing would let SQLite checkpoint into, and delete, the `-wal` and
    /// `-shm` files by their names, which may by then serve another file at the same path.
    ///
    /// The log is first copied into the file the store opened (`TRUNCATE`, so it is empty).
    /// A moved file then holds everything; a file with no name any more is written out
    /// whole, back at its name if that is free, else beside the file that took it. Where
    /// nothing is at the path, the emptied `-wal` and `-shm` left under it are removed, so a
    /// new store made there later starts clean.
    public func keepWhatWasSaved(_ whereabouts: StoreWhereabouts, now: Date = Date()) throws -> String {
        let kept: String
        switch whereabouts {
        case .inPlace:
            return path
        case .moved(let to), .replaced(let to?):
            kept = to
        case .deleted:
            kept = path
        case .replaced(nil):
            kept = "\(path).recovered-\(Timestamp.string(now).filter(\.isNumber))"
        }
        defer { abandon(because: "the store file \(path) was taken away while golive ran: nothing was changed") }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        switch whereabouts {
        case .moved:
            removeLeftovers()
        case .deleted:
            removeLeftovers()
            try backup(to: Destination(kept, replacing: false, keeping: []), wal: true)
        case .replaced(nil):
            try backup(to: Destination(kept, replacing: false, keeping: []), wal: true)
        case .inPlace, .replaced:
            break
        }
        return kept
    }

    private func removeLeftovers() {
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
    }

    func abandon(because why: String) {
        abandonment.set(why)
        Store.neverClosed.withLock { $0.append(self) }
    }

    /// Abandoned connections, kept so that nothing closes them before the process ends.
    static let neverClosed = Locked<[Store]>([])
}

/// Why a store's connection was abandoned, once it was.
final class Abandonment: @unchecked Sendable {
    private let lock = NSLock()
    private var why: String?

    var reason: String? { lock.withLock { why } }
    func set(_ reason: String) { lock.withLock { why = reason } }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
