import Foundation
import GRDB
import GoliveDomain

/// What may be done inside one write transaction. Callers outside this module never see
/// GRDB: they get accounts, events and playbooks.
public struct Transaction {
    let connection: StoreConnection

    init(db: Database) {
        connection = .sqlite(db)
    }

    init(_ connection: StoreConnection) {
        self.connection = connection
    }

    /// The file's connection (for tests that reach under the store on a file).
    var db: Database {
        get throws {
            guard case .sqlite(let db) = connection else { throw StoreError("not a SQLite store") }
            return db
        }
    }

    public func account(_ id: Int64) throws -> Account? { try Rows.accounts(connection, where: id).first }

    public func accountID(named name: String) throws -> Int64? {
        try connection.integer("SELECT id FROM accounts WHERE name = ?", [name])
    }

    public func isEmpty() throws -> Bool {
        let rows = try connection.integer(
            """
            SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM events) + (SELECT count(*) FROM playbooks)
            """)
        return rows == 0
    }

    public func lastEvent(of account: Int64) throws -> Event? {
        try Rows.events(
            connection, sql: "SELECT * FROM events WHERE account_id = ? ORDER BY id DESC LIMIT 1", [account]
        ).first
    }

    /// The newest event that changed the row `version` names.
    public func lastEvent(touching version: RowVersion, of account: Int64) throws -> Event? {
        switch version {
        case .account: return try lastEvent(of: account)
        case .task(let id, _):
            return try Rows.events(
                connection, sql: "SELECT * FROM events WHERE account_id = ? AND task_id = ? ORDER BY id DESC LIMIT 1",
                [account, id]
            ).first
        case .checkpoint(let id, _):
            return try Rows.events(
                connection,
                sql: "SELECT * FROM events WHERE account_id = ? AND checkpoint_id = ? ORDER BY id DESC LIMIT 1",
                [account, id]
            ).first
        }
    }

    public func nextID() throws -> Int64 { try Rows.nextID(connection) }

    public func setNextID(_ id: Int64) throws { try writes.setNextID(id) }

    public func upsert(_ p: StoredPlaybook) throws { try writes.upsert(p) }

    /// Inserts an event; one with id 0 gets the next id (restores keep theirs).
    @discardableResult
    public func insert(_ e: Event) throws -> Event { try writes.insert(PreparedEvent(e)) }

    /// Inserts an event whose prior was written as JSON beforehand (on another thread: the
    /// seeder writes 50 of them per account).
    @discardableResult
    public func insert(_ prepared: PreparedEvent) throws -> Event { try writes.insert(prepared) }

    /// Inserts a whole account: its row, stages, checkpoints, tasks, dependencies, touchpoints.
    public func insert(_ a: Account) throws { try writes.insert(a) }

    /// Writes what differs between `old` and `new` (one account after a change).
    public func save(_ new: Account, replacing old: Account) throws { try writes.save(new, replacing: old) }

    var writes: RowWrites { RowWrites(connection: connection) }
}
