import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// The store as it stood at the end of `day`, or nil when nothing happened after it
    /// (the store itself is then that day's portfolio). A copy in a temporary file with
    /// every later change rewound and its event gone, opened read-only: the board, screens
    /// and reports read it like any store, and the same day always gives the same copy.
    public func asOf(endOf day: Day) throws -> Store? {
        let after = (day + 1).iso
        let (later, unrewindable) = try read(
            { try Store.laterChanges($0, after: after) }, team: { try Store.laterChanges($0, after: after) })
        guard later else { return nil }
        if let at = unrewindable, let newest = Timestamp.day(of: at) {
            throw StoreError(
                "cannot show \(day.iso): changes made before this store kept what they replaced (up to "
                    + "\(newest.iso)) cannot be taken back; the earliest day it can show is \(newest.iso)")
        }
        let folder = FileManager.default.temporaryDirectory
        Store.removeAbandonedCopies(in: folder.path)
        let copy = folder.appendingPathComponent(
            "\(Store.copyPrefix)\(day.iso)-\(getpid())-\(UUID().uuidString.prefix(8)).sqlite"
        ).path
        do {
            // It holds the same customers and revenue as the store: for its owner only.
            try Store.createFile(copy)
            if let team {
                // A server store has no file to copy: its rows are, into a new file.
                let target = try Store(path: copy, mode: .readWrite)
                try target.pool.writeWithoutTransaction { db in
                    // A scratch file, removed if anything fails: no journal to write everything
                    // twice, and room for the indexes the rows go into, touched all over at once.
                    try db.execute(
                        sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
                    try db.inTransaction {
                        try team.copy(into: db)
                        return .commit
                    }
                }
                try target.pool.close()
            } else {
                let target = try DatabaseQueue(path: copy)
                try pool.backup(to: target)
                try target.close()
            }
            let writable = try Store(path: copy, mode: .readWrite)
            try writable.write { tx in try tx.rewindChanges(after: day) }
            try writable.pool.close()
            return try Store(
                path: copy, mode: .readOnly,
                history:
                    "showing \(day.iso) as it was: a past day cannot be changed (leave out --as-of to make changes)")
        } catch {
            Store.removeCopy(copy)
            throw error
        }
    }

    /// Whether anything was changed after the day before `after`, and the last change of
    /// those that cannot be taken back (made before events kept what they replaced).
    private static func laterChanges(_ source: some RowSource, after: String) throws -> (Bool, String?) {
        let later = try source.column("SELECT EXISTS (SELECT 1 FROM events WHERE at >= ?)", [after], as: Bool.self)
        let unrewindable = try source.column(
            "SELECT max(at) FROM events WHERE at >= ? AND prior IS NULL AND account_id IS NOT NULL", [after],
            as: String?.self)
        return (later.first ?? false, unrewindable.first ?? nil)
    }

    static func removeCopy(_ path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A past day's copy is removed when its store is let go; a process that is killed
    /// (`kill -9`, a machine that stops) leaves it behind: the whole store's customers and
    /// revenue in a temporary folder. Each copy's name holds its process id, and the next
    /// past day removes those whose process is gone.
    static func removeAbandonedCopies(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(copyPrefix) && name.hasSuffix(".sqlite") {
            // golive-as-of-YYYY-MM-DD-PID-XXXXXXXX.sqlite
            let parts = name.dropFirst(copyPrefix.count).split(separator: "-")
            guard parts.count == 5, let pid = pid_t(parts[3]), pid > 0, pid != getpid() else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if isOwnFile(path) && ended(pid) { removeCopy(path) }
        }
    }

    /// Whether process `pid` has ended: there is none (ESRCH), or only its exit status is
    /// left for a parent that does not collect it (a zombie, as under a container's init).
    /// Another user's process (EPERM) or the id taken again by a new one counts as running,
    /// which only ever keeps a copy too long.
    static func ended(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        // "pid (name) S …": the state follows the name, which may itself hold ")".
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    static let copyPrefix = "golive-as-of-"

    /// Removes a past day's copy now (a no-op on any other store): for a process about to
    /// end with `exit`, which lets nothing go.
    public func removePastDayCopy() {
        guard history != nil else { return }
        try? pool.close()
        Store.removeCopy(path)
    }
}

extension Transaction {
    /// Takes back every change made after `day`, newest first, and drops their events.
    func rewindChanges(after day: Day) throws {
        // A past day is shown from a copy of the file, rewound there.
        guard case .sqlite(let db) = connection else { throw StoreError("a past day is read from a copy of a file") }
        let after = (day + 1).iso
        let (priors, _) = try Rows.priors(db, since: after)
        let touched = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT account_id FROM touchpoints WHERE marked_on > ?", arguments: [day.iso])
        let ids = Array(Set(priors.keys).union(touched)).sorted()
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            for current in try Rows.accounts(db, ids: Array(ids[start..<min(ids.count, start + 2_000)])) {
                guard let then = try current.rewound(through: priors[current.id] ?? []) else {
                    try db.execute(sql: "DELETE FROM accounts WHERE id = ?", arguments: [current.id])
                    continue
                }
                try save(then.touchpointsUnmarked(after: day), replacing: current)
            }
        }
        try db.execute(sql: "DELETE FROM events WHERE at >= ?", arguments: [after])
    }
}
