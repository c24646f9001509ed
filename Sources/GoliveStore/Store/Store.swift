import Foundation
import GRDB
import GoliveDomain

/// The store: one SQLite file in WAL mode, shared safely by several processes, or a team
/// store on a PostgreSQL server (`team`), the same tables read and written by the same
/// statements. Every change is one short write transaction that also records its event.
public final class Store: Sendable {
    public let path: String
    public let readOnly: Bool
    /// Set on a past day's copy (`asOf(endOf:)`): why nothing can be changed, and the
    /// temporary file to remove when done.
    public let history: String?
    /// One connection to a WAL-mode file. Not a `DatabasePool`: its set-up creates and drops
    /// a table whenever the `-wal` file is absent, so every read-write open would rewrite the
    /// file, and a refused command could not leave the store byte-identical. WAL is a property
    /// of the file (set once, at creation), so other processes still read while we write.
    private let file: DatabaseQueue?
    /// A team store on PostgreSQL (`path` is then its URL without the password).
    let team: PostgresStore?
    /// The file as opened, to notice it deleted, moved or replaced under us (`whereabouts`).
    let identity: FileIdentity?

    /// The file's connection; on a team store, what is not built there yet says so.
    var pool: DatabaseQueue {
        get throws {
            guard let file else {
                throw StoreError("\(path) is a PostgreSQL store, and golive cannot do this on one yet")
            }
            if let why = abandonment.reason { throw StoreError(why) }
            return file
        }
    }
    /// Set once the file was taken away (`keepWhatWasSaved`): the connection is never used
    /// or closed again.
    let abandonment = Abandonment()

    public enum Mode: Sendable {
        /// Create the file (mode 0600, its folder 0700) when missing.
        case create
        /// Open an existing store for changes.
        case readWrite
        /// Open an existing store without ever writing to it.
        case readOnly
    }

    public init(path: String, mode: Mode, history: String? = nil) throws {
        self.history = history
        if PostgresLocation.isURL(path) {
            let location = try PostgresLocation(path)
            self.path = location.description
            do {
                let team = try PostgresStore(location, mode: mode)
                self.team = team
                // The server says what this role may do: one that may only read opens read-only.
                readOnly = team.readOnly
            } catch let e as PostgresError {
                var error = StoreError("cannot open the store \(location): \(e) (nothing was changed)")
                error.deniesAccess = e.deniesAccess
                throw error
            }
            file = nil
            identity = nil
            return
        }
        try PostgresLocation.refuseSettings(path)
        self.readOnly = mode == .readOnly
        self.path = path
        team = nil
        if let (store, what) = Store.companion(path) {
            throw StoreError("\(path) is \(what) of the store \(store), not a store: nothing was changed")
        }
        var link = stat()
        if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK && stat(path, &link) != 0 {
            throw StoreError("\(path) is a symbolic link to nothing: nothing was changed")
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue { throw StoreError("\(path) is a folder, not a golive store") }
        // A FIFO, a device or a socket would block the open, or worse: only files are stores.
        var info = stat()
        if exists && stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            throw StoreError("\(path) is not a regular file, so not a golive store")
        }
        let size = exists ? ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) : 0
        // SQLite's smallest file is one 512-byte page: anything shorter is some other file,
        // which SQLite itself would take for an empty database and write over.
        if size > 0 && size < 512 {
            throw StoreError("\(path) is not a golive store (not a SQLite database)")
        }
        // A log with no store (or an empty one) is another's: a new store would take it in.
        if size == 0 { try Store.refuseOrphanLog(path) }
        if !exists {
            guard mode == .create else {
                throw StoreError("no store at \(path) (create one with `golive seed` or `golive import`)")
            }
            try Store.createFile(path)
        } else if !fm.isReadableFile(atPath: path) {
            throw StoreError("cannot read the store \(path): permission denied")
        } else if mode != .readOnly && !fm.isWritableFile(atPath: path) {
            throw StoreError("the store \(path) is read-only for this user: nothing was changed")
        }
        // An empty file is the name a build keeps while it works (or kept, if it was killed):
        // no store yet, and the next seed, import or restore makes one there.
        if exists && mode == .readOnly, (try? fm.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
            throw StoreError(
                "no store at \(path) yet (the file is empty: create one with `golive seed` or `golive import`)")
        }
        // Before anything opens it: any open replays the log, and a writer's close merges it.
        if exists { try Store.refuseForeignLog(path) }
        if mode == .readOnly, exists, fm.isWritableFile(atPath: path),
            ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0,
            (try? Store.inspect(path: path)) == true
        {
            // A store from an older golive is brought to this version's schema once, by the
            // first command that may write it — a report right after an upgrade must work.
            // Its data are not changed; a store this user cannot write is still refused.
            _ = try Store(path: path, mode: .readWrite)
        }

        var config = Configuration()
        config.busyMode = .timeout(5)
        config.readonly = mode == .readOnly
        config.label = "golive"
        do {
            // Several processes may start on a fresh file at once: opening and migrating
            // under one exclusive lock keeps them from racing ("table already exists").
            // Another program's file is refused before a lock file is made beside it.
            if size > 0 && mode != .readOnly && !fm.fileExists(atPath: path + ".lock") {
                _ = try Store.inspect(path: path)
            }
            file = try Store.withLock(path + ".lock", skip: mode == .readOnly) {
                // Look before opening a pool: a pool switches the file to WAL, which would
                // modify another program's database before we could refuse it.
                let needsMigration = try Store.inspect(path: path)
                let pool = try Store.queue(path: path, configuration: config)
                if needsMigration {
                    if mode == .readOnly {
                        throw StoreError("\(path) needs a schema upgrade, which a read-only open cannot do")
                    }
                    try pool.writeWithoutTransaction { db in
                        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                            throw StoreError("cannot switch \(path) to WAL mode")
                        }
                    }
                    try Schema.migrator.migrate(pool)
                }
                if mode == .readWrite {
                    try pool.write { db in try Schema.refreshStaleFacts(db) }
                }
                return pool
            }
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw StoreError("\(path) is not a golive store (not a SQLite database)")
        } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN {
            throw StoreError(
                "cannot open the store \(path) for writing (\(e.message ?? "read-only")): nothing was changed")
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT {
            throw StoreError.from(e, path: path, writing: false)
        } catch let e as DatabaseError {
            var error = StoreError("cannot open the store \(path): \(e.message ?? "error \(e.resultCode.rawValue)")")
            error.isBusy = e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
            throw error
        }
        identity = FileIdentity(path: path)
    }

    /// The store whose log, shared memory, journal or lock `path` is, if any: such a file
    /// looks empty, yet a store made there would wreck the changes its store keeps in it.
    static func companion(_ path: String) -> (store: String, what: String)? {
        for kept in Destination.Kept.store("") where !kept.path.isEmpty && path.hasSuffix(kept.path) {
            let store = String(path.dropLast(kept.path.count))
            var info = stat()
            guard !store.isEmpty, stat(store, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            return (store, kept.what.replacingOccurrences(of: "the store's ", with: "the "))
        }
        return nil
    }

    /// Refuses a new store at `path` while a log or journal is there without a store:
    /// SQLite would replay it into the new file.
    static func refuseOrphanLog(_ path: String) throws {
        for suffix in ["-wal", "-journal"] {
            var info = stat()
            if lstat(path + suffix, &info) == 0 && info.st_size > 0 {
                throw StoreError(
                    "\(path)\(suffix) is there without its store (another database's, or left over): "
                        + "move it away and try again — nothing was changed")
            }
        }
    }

    static func createFile(_ path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(
                    atPath: dir, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("cannot create the folder \(dir) for the store: permission denied or not a folder")
            }
        }
        // Onboarding records name customers and revenue: the file is for its owner only.
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            throw StoreError("cannot create the store \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
    }

    static func withLock<T>(_ lockPath: String, skip: Bool, _ body: () throws -> T) throws -> T {
        if skip { return try body() }
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { return try body() }  // a read-only folder: no race to guard against a writer here
        defer {
            flock(fd, LOCK_UN)
            close(fd)
        }
        flock(fd, LOCK_EX)
        return try body()
    }

    /// Opens the connection. A reader who may not write the folder cannot create the `-shm`
    /// file a WAL database needs; when no `-wal` file exists no writer is at work, so the
    /// file is opened as immutable instead (a lead looking at a CSM's store, say).
    private static func queue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let q = try DatabaseQueue(path: path, configuration: configuration)
            if configuration.readonly {
                try q.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            }
            return q
        } catch let e as DatabaseError
            where configuration.readonly
            && (e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN)
            && !FileManager.default.fileExists(atPath: path + "-wal")
        {
            let url = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            return try DatabaseQueue(path: url, configuration: configuration)
        }
    }

    /// Checks that `path` is a golive store this version can use; true when it still
    /// needs migrating (a new, empty file does).
    private static func inspect(path: String) throws -> Bool {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        let probe = try queue(path: path, configuration: config)
        defer { try? probe.close() }
        let migrator = Schema.migrator
        let (appID, tables, superseded, complete) = try probe.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0,
                try migrator.hasBeenSuperseded(db),
                try migrator.hasCompletedMigrations(db)
            )
        }
        if appID != Schema.applicationID && !(appID == 0 && tables == 0) {
            throw StoreError("\(path) is not a golive store (it is another program's SQLite database)")
        }
        if superseded {
            throw StoreError(
                "\(path) was written by a newer golive (its schema is ahead of this version): upgrade golive")
        }
        return !complete
    }

    deinit {
        removePastDayCopy()
    }

    /// Runs `body` in one read transaction; what SQLite says goes out as a `StoreError`
    /// (a damaged file names the way back), never as SQL.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let e as DatabaseError {
            throw StoreError.from(e, path: path, writing: false)
        }
    }

    /// Whether this is a team store on PostgreSQL (which can be offline) rather than a file.
    public var isTeamStore: Bool { team != nil }

    /// Another connection to the same store (a team store's with its URL as given, password
    /// and settings included).
    public func openedAgain(_ mode: Mode) throws -> Store {
        try Store(path: team?.connection.location.url ?? path, mode: mode)
    }

    /// The same read on either store: `file` on the file's connection, `team` in one
    /// snapshot of the team store's server.
    func read<T>(_ file: (Database) throws -> T, team read: (PostgresConnection) throws -> T) throws -> T {
        guard let team else { return try self.read(file) }
        do {
            return try team.snapshot(read)
        } catch let e as PostgresError where e.connectionLost {
            throw StoreError("offline: the store \(path) does not answer (\(e))")
        } catch let e as PostgresError {
            var error = StoreError("cannot read the store \(path): \(e)")
            error.deniesAccess = e.deniesAccess
            throw error
        }
    }
}
