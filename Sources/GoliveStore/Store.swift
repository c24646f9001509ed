import Foundation
import GRDB
import GoliveDomain

/// The local store: one SQLite file in WAL mode, shared safely by several processes.
/// Every change is one short write transaction that also records its event.
public final class Store: Sendable {
    public let path: String
    public let readOnly: Bool
    /// One connection to a WAL-mode file. Not a `DatabasePool`: its set-up creates and drops
    /// a table whenever the `-wal` file is absent, so every read-write open would rewrite the
    /// file, and a refused command could not leave the store byte-identical. WAL is a property
    /// of the file (set once, at creation), so other processes still read while we write.
    let pool: DatabaseQueue

    public enum Mode: Sendable {
        /// Create the file (mode 0600, its folder 0700) when missing.
        case create
        /// Open an existing store for changes.
        case readWrite
        /// Open an existing store without ever writing to it.
        case readOnly
    }

    public init(path: String, mode: Mode) throws {
        self.path = path
        self.readOnly = mode == .readOnly
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue { throw StoreError("\(path) is a directory, not a golive store") }
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
        try Store.checkHeader(path)

        var config = Configuration()
        config.busyMode = .timeout(5)
        config.readonly = mode == .readOnly
        config.label = "golive"
        do {
            // Several processes may start on a fresh file at once: opening and migrating
            // under one exclusive lock keeps them from racing ("table already exists").
            pool = try Store.withLock(path + ".lock", skip: mode == .readOnly) {
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
                return pool
            }
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw StoreError("\(path) is not a golive store (not a SQLite database)")
        } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN {
            throw StoreError(
                "cannot open the store \(path) for writing (\(e.message ?? "read-only")): nothing was changed")
        } catch let e as DatabaseError {
            throw StoreError("cannot open the store \(path): \(e.message ?? e.description)")
        }
    }

    private static func createFile(_ path: String) throws {
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

    /// Refuse before SQLite sees it: a non-empty file without SQLite's header.
    private static func checkHeader(_ path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { return }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if !head.isEmpty && head != Data("SQLite format 3\0".utf8) {
            throw StoreError("\(path) is not a golive store (not a SQLite database)")
        }
    }

    private static func withLock<T>(_ lockPath: String, skip: Bool, _ body: () throws -> T) throws -> T {
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

    // MARK: Reading

    /// Every account with its stages, checkpoints, tasks and touchpoints.
    public func accounts() throws -> [Account] {
        try pool.read { db in try Rows.accounts(db, where: nil) }
    }

    public func account(_ id: Int64) throws -> Account? {
        try pool.read { db in try Rows.accounts(db, where: id).first }
    }

    /// The accounts with these ids, whole (those that no longer exist are left out).
    public func accounts(ids: [Int64]) throws -> [Account] {
        if ids.isEmpty { return [] }
        return try pool.read { db in try Rows.accounts(db, ids: ids) }
    }

    /// What the board needs of every account (or of `ids`), without reading a task: see
    /// `AccountFacts`.
    public func facts(ids: [Int64]? = nil) throws -> [AccountFacts] {
        if ids?.isEmpty == true { return [] }
        return try pool.read { db in try FactsRows.all(db, ids: ids) }
    }

    /// The newest event's id (0 when there is none).
    public func lastEventID() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0 }
    }

    /// The accounts that have events newer than `id` — every change to an account is one —
    /// and the newest event's id: what a board must re-read after other processes' commits.
    public func accountsChanged(after id: Int64) throws -> (ids: [Int64], last: Int64) {
        try pool.read { db in
            // No DISTINCT: with it SQLite walks the whole (account, id) index instead of the
            // few newest rows by id.
            let rows = try Int64.fetchAll(
                db, sql: "SELECT account_id FROM events WHERE id > ? AND account_id IS NOT NULL", arguments: [id])
            var seen = Set<Int64>()
            return (
                rows.filter { seen.insert($0).inserted }, try Int64.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0
            )
        }
    }

    /// Events, oldest first; of one account when given.
    public func events(account: Int64? = nil) throws -> [Event] {
        try pool.read { db in
            if let account {
                return try Rows.events(db, sql: "SELECT * FROM events WHERE account_id = ? ORDER BY id", [account])
            }
            return try Rows.events(db, sql: "SELECT * FROM events ORDER BY id", [])
        }
    }

    /// Accounts that were ever escalated, from the events.
    public func everEscalated() throws -> Set<Int64> {
        try pool.read { db in
            Set(
                try Int64.fetchAll(
                    db,
                    sql:
                        "SELECT DISTINCT account_id FROM events WHERE kind = 'account.escalated' AND account_id IS NOT NULL"
                ))
        }
    }

    public func playbooks() throws -> [StoredPlaybook] {
        try pool.read { db in try Rows.playbooks(db) }
    }

    public func nextID() throws -> Int64 {
        try pool.read { db in try Rows.nextID(db) }
    }

    // MARK: Writing

    /// One user action: load the account, apply the change through the domain's update
    /// function, save the difference and its event, all in one transaction.
    /// - Parameter expected: the row the change edits as the user's screen showed it; a
    ///   change made on a stale view of that row is refused, naming who changed it and when.
    @discardableResult
    public func perform(
        _ change: Change, on accountID: Int64, who: String, today: Day,
        now: Date = Date(), expected: RowVersion? = nil
    ) throws -> (Account, Event) {
        try write { tx in
            guard let account = try tx.account(accountID) else { throw Refusal("no account \(accountID)") }
            if let expected, !account.isCurrent(expected) {
                let last = try tx.lastEvent(touching: expected, of: accountID)
                throw Refusal("changed by \(last?.who ?? "someone") at \(last?.at ?? "?") — reloaded")
            }
            var ctx = ChangeContext(who: who, now: Timestamp.string(now), today: today, nextID: try tx.nextID())
            let (next, event) = try account.applying(change, ctx)
            try tx.save(next, replacing: account)
            let saved = try tx.insert(event)
            if case .addTask = change {
                ctx.nextID += 1
                try tx.setNextID(ctx.nextID)
            }
            return (next, saved)
        }
    }

    /// Runs `body` in one write transaction, retrying when SQLite reports a busy store
    /// it chose not to wait for (a possible deadlock between processes).
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        if readOnly { throw StoreError("read-only: the store \(path) was opened without write access") }
        var attempt = 0
        while true {
            do {
                return try pool.write { db in try body(Transaction(db: db)) }
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY && attempt < 5 {
                attempt += 1
                usleep(UInt32(20_000 * attempt))
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                throw StoreError("the store \(path) stayed busy (another golive is writing): try again")
            } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
                throw StoreError("the store \(path) is read-only: \(e.message ?? "")")
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                throw StoreError("refused by the store: \(e.message ?? e.description)")
            }
        }
    }

    /// Rewrites the file with each table's pages together (`VACUUM`). A bulk load writes
    /// every table's pages interleaved; opening the board then reads the accounts and their
    /// facts from all over the file, which costs seconds when the file is not in memory.
    public func compact() throws {
        if readOnly { throw StoreError("read-only: the store \(path) was opened without write access") }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
    }

    /// Leaves copying the write-ahead log into the file to `checkpoint()`. SQLite otherwise
    /// does it inside whichever commit crosses 1,000 logged pages, and that commit — a key
    /// press — then waits tens of milliseconds for it.
    public func deferCheckpoints() throws {
        if readOnly { return }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
    }

    /// Copies what the log holds into the file without waiting for readers (`PRAGMA
    /// wal_checkpoint(PASSIVE)`): for idle moments. The last connection to close does it too.
    /// Returns whether every logged page was copied (false when a reader held some back).
    @discardableResult
    public func checkpoint() throws -> Bool {
        if readOnly { return true }
        return try pool.writeWithoutTransaction { db in
            guard let r = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return false }
            let (busy, logged, copied): (Int, Int, Int) = (r[0], r[1], r[2])
            return busy == 0 && logged == copied
        }
    }

    /// A number that changes whenever another connection commits (`PRAGMA data_version`).
    public func dataVersion() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}

/// A playbook as the store keeps it: its name, title and rule thresholds.
public struct StoredPlaybook: Hashable, Codable, Sendable {
    public var name: String
    public var title: String
    public var thresholds: Thresholds
    public init(name: String, title: String, thresholds: Thresholds) {
        self.name = name
        self.title = title
        self.thresholds = thresholds
    }
}

/// Who reviewed an account last, and whether others changed it since *this* user's last
/// review (the board marks those).
public struct ReviewInfo: Hashable, Sendable {
    public var lastReviewBy: String?
    public var lastReviewAt: String?
    public var myLastReview: Int64?
    public var lastChangeByOthers: Int64?

    public init(
        lastReviewBy: String? = nil, lastReviewAt: String? = nil, myLastReview: Int64? = nil,
        lastChangeByOthers: Int64? = nil
    ) {
        self.lastReviewBy = lastReviewBy
        self.lastReviewAt = lastReviewAt
        self.myLastReview = myLastReview
        self.lastChangeByOthers = lastChangeByOthers
    }

    /// Changed by someone else since this user last marked it reviewed.
    public var changedSinceMyReview: Bool {
        guard let mine = myLastReview, let other = lastChangeByOthers else { return false }
        return other > mine
    }
}

extension Store {
    /// Review marks per account for `user`, from the events. Reviews come from their own
    /// small index; changes by others are looked for only after this user's last review of
    /// each account (all a mark needs), so 500,000 events are not scanned at every start.
    public func reviews(for user: String) throws -> [Int64: ReviewInfo] {
        try pool.read { db in
            var out: [Int64: ReviewInfo] = [:]
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT e.account_id, e.who, e.at FROM events e
                    JOIN (SELECT account_id, max(id) AS m FROM events WHERE kind = 'account.reviewed' AND account_id IS NOT NULL GROUP BY account_id) r
                      ON e.id = r.m
                    """)
            {
                out[r[0], default: ReviewInfo()].lastReviewBy = r[1]
                out[r[0], default: ReviewInfo()].lastReviewAt = r[2]
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT m.account_id, m.last,
                           (SELECT max(e.id) FROM events e WHERE e.account_id = m.account_id AND e.id > m.last
                              AND e.who <> ? AND e.kind <> 'account.reviewed')
                    FROM (SELECT account_id, max(id) AS last FROM events
                          WHERE kind = 'account.reviewed' AND account_id IS NOT NULL AND who = ? GROUP BY account_id) m
                    """, arguments: [user, user])
            {
                out[r[0], default: ReviewInfo()].myLastReview = r[1]
                out[r[0], default: ReviewInfo()].lastChangeByOthers = r[2]
            }
            return out
        }
    }
}

/// An unfinished task past its due date, with its account.
public struct OverdueTask: Hashable, Sendable {
    public var account: String, csm: String, lane: Lane, title: String, owner: String, status: TaskStatus, due: Day
}

extension Store {
    /// Unfinished tasks of active accounts due before `today`, straight from the index on
    /// open tasks' due dates: no account is loaded whole.
    public func overdueTasks(asOf today: Day, csm: String? = nil) throws -> [OverdueTask] {
        try pool.read { db in
            var sql = """
                SELECT a.name, a.csm, t.lane, t.title, t.owner, t.status, t.due FROM tasks t JOIN accounts a ON a.id = t.account_id
                WHERE t.status NOT IN ('done', 'skipped', 'approved') AND t.due < ? AND a.completed_on IS NULL
                """
            var args: [(any DatabaseValueConvertible)?] = [today.iso]
            if let csm {
                sql += " AND a.csm = ? COLLATE NOCASE"
                args.append(csm)
            }
            // Most overdue first, as the report lists them: its own sort then finds them in order.
            sql += " ORDER BY t.due, a.name, t.title"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
                OverdueTask(
                    account: r[0], csm: r[1], lane: Lane(rawValue: r[2])!, title: r[3], owner: r[4],
                    status: TaskStatus(rawValue: r[5])!, due: Day(iso: r[6] as String)!)
            }
        }
    }
}

extension Store {
    public func accountIDs() throws -> [Int64] {
        try pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM accounts ORDER BY id") }
    }

    /// SQLite's own check of the file: "ok" when sound.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}

extension Store {
    /// The agenda of active accounts (of one CSM's when given): unfinished tasks and
    /// checkpoints due up to `end` (overdue ones included), and touchpoints from `today`
    /// to `end` — past touchpoints are history, not work. Tasks come from the index on
    /// open tasks' due dates.
    public func agenda(today: Day, through end: Day, csm: String? = nil) throws -> [AgendaItem] {
        let me = csm?.lowercased()
        return try pool.read { db in
            var items: [AgendaItem] = []
            func mine(_ r: Row, _ i: Int) -> Bool { me == nil || (r[i] as String).lowercased() == me }
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.due, t.lane, a.id, a.name, t.title, t.owner, a.csm FROM tasks t JOIN accounts a ON a.id = t.account_id
                    WHERE t.status NOT IN ('done', 'skipped', 'approved') AND t.due <= ? AND a.completed_on IS NULL
                    """, arguments: [end.iso]
            ).forEach { r in
                guard mine(r, 6) else { return }
                items.append(
                    AgendaItem(
                        day: Day(iso: r[0] as String)!, kind: .task(Lane(rawValue: r[1])!), accountID: r[2],
                        account: r[3], title: r[4], who: r[5]))
            }
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.due, a.id, a.name, c.name, a.csm FROM checkpoints c JOIN accounts a ON a.id = c.account_id
                    WHERE c.achieved_on IS NULL AND c.due <= ? AND a.completed_on IS NULL
                    """, arguments: [end.iso]
            ).forEach { r in
                guard mine(r, 4) else { return }
                items.append(
                    AgendaItem(
                        day: Day(iso: r[0] as String)!, kind: .checkpoint, accountID: r[1], account: r[2], title: r[3],
                        who: r[4]))
            }
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.on_day, a.id, a.name, p.objective, p.channel, p.audience, a.csm FROM touchpoints p JOIN accounts a ON a.id = p.account_id
                    WHERE p.on_day >= ? AND p.on_day <= ? AND a.completed_on IS NULL
                    """, arguments: [today.iso, end.iso]
            ).forEach { r in
                guard mine(r, 6) else { return }
                let objective: String = r[3]
                let channel: String = r[4]
                items.append(
                    AgendaItem(
                        day: Day(iso: r[0] as String)!, kind: .touchpoint, accountID: r[1], account: r[2],
                        title: "\(objective) (\(channel))", who: r[5]))
            }
            return AgendaItem.ordered(items)
        }
    }
}
