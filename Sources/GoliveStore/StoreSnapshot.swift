import Foundation
import GRDB
import GoliveDomain

/// The whole store as it stood when one read began, read piece by piece: an export streams
/// out of it without holding the store in memory, and without another instance's change
/// landing between two pieces.
public struct StoreSnapshot {
    let db: Database

    public func nextID() throws -> Int64 { try Rows.nextID(db) }

    public func playbooks() throws -> [StoredPlaybook] { try Rows.playbooks(db) }

    public func accountIDs() throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM accounts ORDER BY id")
    }

    public func accounts(ids: [Int64]) throws -> [Account] {
        if ids.isEmpty { return [] }
        return try Rows.accounts(db, ids: ids)
    }

    /// Up to `limit` events after `id`, in id order, each with its prior still as it is kept:
    /// decoding priors is most of reading events, and the caller does it on every core.
    public func events(after id: Int64, limit: Int) throws -> [(event: Event, prior: StoredPrior?)] {
        let statement = try db.makeStatement(
            sql: """
                SELECT id, at, who, account_id, task_id, checkpoint_id, kind, before, after, detail, prior
                FROM events WHERE id > ? ORDER BY id LIMIT ?
                """)
        let rows = try Row.fetchCursor(statement, arguments: [id, limit])
        let c = StatementColumns(statement: statement.sqliteStatement)
        var out: [(event: Event, prior: StoredPrior?)] = []
        out.reserveCapacity(limit)
        while try rows.next() != nil {
            try c.requireValues([0, 1, 2, 6], in: "events")
            let event = Event(
                id: c.int64(0), at: c.text(1), who: c.text(2), accountID: c.isNull(3) ? nil : c.int64(3),
                taskID: c.isNull(4) ? nil : c.int64(4), checkpointID: c.isNull(5) ? nil : c.int64(5),
                kind: c.text(6), before: c.optionalText(7), after: c.optionalText(8), detail: c.optionalText(9))
            out.append((event, c.storedPrior(10)))
        }
        return out
    }
}

extension Store {
    /// Runs `body` inside one read transaction: every piece it reads is of the same moment.
    public func snapshot<T>(_ body: (StoreSnapshot) throws -> T) throws -> T {
        try read { db in try body(StoreSnapshot(db: db)) }
    }
}
