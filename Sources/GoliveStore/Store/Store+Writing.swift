import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// One user action: load the account, apply the change through the domain's update
    /// function, save the difference and its event, all in one transaction.
    /// - Parameter expected: the row the change edits as the user's screen showed it; a
    ///   change made on a stale view of that row is refused, naming who changed it and when.
    @discardableResult
    public func perform(
        _ change: Change, on accountID: Int64, who: String, today: Day,
        now: Date = Date(), expected: RowVersion? = nil
    ) throws -> (Account, Event) {
        let saved = try save(change, on: accountID, who: who, today: today, now: now, expected: expected)
        return (saved.after, saved.event)
    }

    /// `perform`, returning the account as the transaction found it too: what undo needs
    /// to know which rows the change touched (the screen's copy may be older).
    public func save(
        _ change: Change, on accountID: Int64, who: String, today: Day,
        now: Date = Date(), expected: RowVersion? = nil, waitingIfBusy: Bool = true
    ) throws -> SavedChange {
        try write(waitingIfBusy: waitingIfBusy) { tx in
            guard let account = try tx.account(accountID) else { throw Refusal("no account \(accountID)") }
            if let expected, !account.isCurrent(expected) {
                let last = try tx.lastEvent(touching: expected, of: accountID)
                let when = last.map { Timestamp.relative($0.at, now: now) } ?? "just now"
                throw Refusal("changed by \(last?.who ?? "someone") \(when) — reloaded")
            }
            var ctx = ChangeContext(who: who, now: Timestamp.string(now), today: today, nextID: try tx.nextID())
            var (next, event) = try account.applying(change, ctx)
            event.prior = Prior(from: account, to: next)
            try tx.save(next, replacing: account)
            let saved = try tx.insert(event)
            switch change {
            case .addTask, .addTouchpoint:
                ctx.nextID += 1
                try tx.setNextID(ctx.nextID)
            default:
                break
            }
            return SavedChange(before: account, after: next, event: saved)
        }
    }

    /// Runs `body` in one write transaction, retrying when SQLite reports a busy store
    /// it chose not to wait for (a possible deadlock between processes). Not `waitingIfBusy`
    /// (a key press), a store another connection holds is given a tenth of a second, not
    /// five: the caller retries off the key path.
    public func write<T>(waitingIfBusy wait: Bool = true, _ body: (Transaction) throws -> T) throws -> T {
        if let history { throw StoreError(history) }
        if readOnly { throw StoreError("read-only: the store \(path) was opened without write access") }
        if let team {
            do {
                return try team.write { c in try body(Transaction(.postgres(c))) }
            } catch let e as PostgresError where e.connectionLost {
                throw StoreError("offline: the store \(path) does not answer (\(e)): nothing was changed")
            } catch let e as PostgresError {
                throw StoreError("the store \(path) refused the change (\(e)): nothing was changed")
            }
        }
        let queue = try pool
        if !wait { try queue.inDatabase { db in try db.execute(sql: "PRAGMA busy_timeout = 100") } }
        defer { if !wait { try? queue.inDatabase { db in try db.execute(sql: "PRAGMA busy_timeout = 5000") } } }
        var attempt = 0
        while true {
            do {
                return try queue.write { db in try body(Transaction(db: db)) }
            } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY && attempt < (wait ? 5 : 1) {
                attempt += 1
                if wait { usleep(UInt32(20_000 * attempt)) }
            } catch let e as DatabaseError {
                throw StoreError.from(e, path: path, writing: true)
            }
        }
    }
}
