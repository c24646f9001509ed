import Foundation
import GRDB
import GoliveDomain

/// The whole store as it stood when one read began, read piece by piece: an export streams
/// out of it without holding the store in memory, and without another instance's change
/// landing between two pieces.
public struct StoreSnapshot {
    let connection: StoreConnection

    public func nextID() throws -> Int64 { try Rows.nextID(connection) }

    public func playbooks() throws -> [StoredPlaybook] { try Rows.playbooks(connection) }

    public func accountIDs() throws -> [Int64] {
        try connection.column("SELECT id FROM accounts ORDER BY id")
    }

    public func accounts(ids: [Int64]) throws -> [Account] {
        if ids.isEmpty { return [] }
        // Each connection's own rows: the file's keep GRDB's direct column reads.
        switch connection {
        case .sqlite(let db): return try Rows.accounts(db, ids: ids)
        case .postgres(let pg): return try Rows.accounts(pg, ids: ids)
        }
    }

    /// Up to `limit` events after `id`, in id order, each with its prior still as it is kept:
    /// decoding priors is most of reading events, and the caller does it on every core.
    public func events(after id: Int64, limit: Int) throws -> [(event: Event, prior: StoredPrior?)] {
        guard case .sqlite(let db) = connection else {
            return try connection.all(
                "SELECT id, at, who, account_id, task_id, checkpoint_id, kind, before, after, detail, prior"
                    + " FROM events WHERE id > ? ORDER BY id LIMIT ?", [id, limit]
            ) { r in
                try r.requireValues([0, 1, 2, 6], in: "events")
                let event = Event(
                    id: r[0], at: r[1], who: r[2], accountID: r[3], taskID: r[4], checkpointID: r[5], kind: r[6],
                    before: r[7], after: r[8], detail: r[9])
                return (event, Rows.storedPrior(r[10]))
            }
        }
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
        if let team {
            do {
                return try team.snapshot { c in try body(StoreSnapshot(connection: .postgres(c))) }
            } catch let e as PostgresError {
                throw StoreError("cannot read the store \(path): \(e)")
            }
        }
        return try read { db in try body(StoreSnapshot(connection: .sqlite(db))) }
    }
}
