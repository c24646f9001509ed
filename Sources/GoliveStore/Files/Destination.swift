import Foundation

/// A file a command writes (an export, a backup, a calendar, a plan, a new store): checked
/// before anything is written, then written beside its place and renamed in, so the name
/// holds the old file or the whole new one and never half of either.
///
/// Only a regular file or a new name is a target: a device, a FIFO, a folder or a socket is
/// never replaced (run as root, a rename over `/dev/null` replaces the machine's), nor is a
/// file golive is reading — the store, its log, its shared memory, its lock, or the input.
public struct Destination: Sendable {
    public let path: String
    let folder: String
    let name: String

    /// A file that must not be the target, and what it is in the user's words.
    public struct Kept: Sendable {
        public var path: String
        public var what: String

        public init(_ path: String, what: String) {
            self.path = path
            self.what = what
        }

        /// The store at `path` and the files SQLite keeps beside it.
        public static func store(_ path: String) -> [Kept] {
            [
                Kept(path, what: "the store"),
                Kept(path + "-wal", what: "the store's write-ahead log"),
                Kept(path + "-shm", what: "the store's shared memory file"),
                Kept(path + "-journal", what: "the store's journal"),
                Kept(path + ".lock", what: "the store's lock file"),
            ]
        }
    }

    /// `path` checked as a target: `replacing` lets an existing regular file be replaced
    /// (`--force`); `keeping` names the files it may never be.
    public init(_ path: String, replacing: Bool, keeping kept: [Kept]) throws {
        guard !path.isEmpty else { throw StoreError("no file named to write to: nothing was written") }
        self.path = path
        let url = URL(fileURLWithPath: path)
        folder = url.deletingLastPathComponent().path
        name = url.lastPathComponent
        var info = stat()
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            throw StoreError("cannot write \(path): the folder \(folder) does not exist (nothing was written)")
        }
        guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError("cannot write \(path): \(folder) is not a folder (nothing was written)")
        }
        let canonical = Destination.canonical(path)
        for k in kept where Destination.canonical(k.path) == canonical || Destination.sameFile(path, k.path) {
            throw StoreError("\(path) is \(k.what): nothing was written (name another file)")
        }
        if let (store, what) = Store.companion(path) {
            throw StoreError("\(path) is \(what) of the store \(store): nothing was written (name another file)")
        }
        if lstat(path, &info) == 0 {
            guard stat(path, &info) == 0 else {
                throw StoreError("\(path) is a symbolic link to nothing: nothing was written")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw StoreError(
                    "\(path) is \(Destination.kind(info.st_mode)), not a regular file: nothing was written")
            }
            guard replacing else {
                throw StoreError("\(path) exists: nothing was written (--force replaces it)")
            }
        }
    }

    /// The scratch file's name: hidden, beside the target, with the writer's process id, so
    /// the next writer of the same name can tell an abandoned one from one still being written.
    var scratchPrefix: String { ".\(name).golive-" }

    /// A scratch file for this target, its own (`O_EXCL`), after removing those of writers
    /// that were killed.
    public func makeScratch() throws -> String {
        removeAbandoned()
        let scratch = (folder as NSString).appendingPathComponent(
            "\(scratchPrefix)\(getpid())-\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(scratch, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(errno, writing: false) }
        close(fd)
        return scratch
    }

    /// Writes the file whole: `body` fills an open scratch file (0600: exports and plans name
    /// customers and revenue), which is synced and renamed into place.
    public func write(_ body: (Int32) throws -> Void) throws {
        let scratch = try makeScratch()
        do {
            let fd = open(scratch, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw failure(errno, writing: true) }
            do {
                defer { close(fd) }
                try body(fd)
                guard fsync(fd) == 0 else { throw failure(errno, writing: true) }
            }
            try moveIntoPlace(scratch)
        } catch {
            Destination.removeScratch(scratch)
            throw error
        }
    }

    /// Writes `bytes` whole to `fd`, naming the target in a failure.
    public func write(_ bytes: [UInt8], to fd: Int32) throws {
        try bytes.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure(n < 0 ? errno : ENOSPC, writing: true) }
                done += n
            }
        }
    }

    /// Renames a finished scratch file to the target, after checking the target once more
    /// (something may have been put there meanwhile), and syncs the folder.
    public func moveIntoPlace(_ scratch: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
            throw StoreError("\(path) was replaced by something that is not a regular file: nothing was written")
        }
        guard rename(scratch, path) == 0 else { throw failure(errno, writing: true) }
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// The words for a failed write, by its cause: the user acts differently on each.
    public func failure(_ code: Int32, writing: Bool) -> StoreError {
        switch code {
        case ENOSPC, EDQUOT:
            return StoreError("disk full: nothing was written to \(path)")
        case EROFS:
            return StoreError("cannot write \(path): \(folder) is on a read-only file system (nothing was written)")
        case EACCES, EPERM:
            return StoreError("cannot write \(path): the folder \(folder) is not writable (nothing was written)")
        case ENOENT:
            return StoreError("cannot write \(path): the folder \(folder) does not exist (nothing was written)")
        default:
            return StoreError("cannot write \(path): \(String(cString: strerror(code))) (nothing was written)")
        }
    }

    /// Scratch files of this target whose writer has ended (killed, or the machine stopped),
    /// and those earlier versions left as `NAME.golive-PID.tmp`.
    func removeAbandoned() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in names {
            let rest: Substring
            if entry.hasPrefix(scratchPrefix) {
                rest = entry.dropFirst(scratchPrefix.count)
            } else if entry.hasPrefix("\(name).golive-") {
                rest = entry.dropFirst(name.count + ".golive-".count)
            } else {
                continue
            }
            let path = (folder as NSString).appendingPathComponent(entry)
            guard rest.contains(".tmp"), let pid = pid_t(rest.prefix { $0.isNumber }), pid > 0, pid != getpid(),
                Store.isOwnFile(path), Store.ended(pid)
            else { continue }
            unlink(path)
        }
    }

    static func removeScratch(_ scratch: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(scratch + suffix) }
    }

    /// The path with its folder's links resolved, to compare two names of one place.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard let resolved = realpath(folder, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return (String(cString: resolved) as NSString).appendingPathComponent(url.lastPathComponent)
    }

    /// Whether two names reach the same file (a hard or symbolic link to it).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat()
        var y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    public static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
