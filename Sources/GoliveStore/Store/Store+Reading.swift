import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// Every account with its stages, checkpoints, tasks and touchpoints.
    public func accounts() throws -> [Account] {
        try read {
            try Rows.accounts($0, where: nil)
        } team: {
            try Rows.accounts($0, where: nil)
        }
    }

    public func account(_ id: Int64) throws -> Account? {
        try read {
            try Rows.accounts($0, where: id).first
        } team: {
            try Rows.accounts($0, where: id).first
        }
    }

    /// The accounts with these ids, whole (those that no longer exist are left out).
    public func accounts(ids: [Int64]) throws -> [Account] {
        if ids.isEmpty { return [] }
        return try read {
            try Rows.accounts($0, ids: ids)
        } team: {
            try Rows.accounts($0, ids: ids)
        }
    }

    /// What the board needs of every account (or of `ids`), without reading a task: see
    /// `AccountFacts`.
    public func facts(ids: [Int64]? = nil) throws -> [AccountFacts] {
        if ids?.isEmpty == true { return [] }
        return try read {
            try FactsRows.all($0, ids: ids)
        } team: {
            try FactsRows.all($0, ids: ids)
        }
    }

    /// The facts of the accounts stalled on `today` (as `AccountFacts.stall(asOf:)` finds),
    /// without turning every account's row into facts.
    public func stalledFacts(asOf today: Day) throws -> [AccountFacts] {
        try read {
            try FactsRows.stallCandidates($0, asOf: today)
        } team: {
            try FactsRows.stallCandidates($0, asOf: today)
        }.filter { $0.stall(asOf: today) != nil }
    }

    /// The newest event's id (0 when there is none).
    public func lastEventID() throws -> Int64 {
        let sql = "SELECT max(id) FROM events"
        return try read {
            try Int64.fetchOne($0, sql: sql) ?? 0
        } team: {
            try $0.column(sql, as: Int64?.self)[0] ?? 0
        }
    }

    /// The ids of the events `who` recorded after event `id`, in order: what a writer was
    /// told was saved can be looked for, one by one.
    public func eventIDs(by who: String, after id: Int64) throws -> [Int64] {
        let sql = "SELECT id FROM events WHERE who = ? AND id > ? ORDER BY id"
        return try read {
            try $0.column(sql, [who, id], as: Int64.self)
        } team: {
            try $0.column(sql, [who, id], as: Int64.self)
        }
    }

    /// The accounts that have events newer than `id` — every change to an account is one —
    /// and the newest event's id: what a board must re-read after other processes' commits.
    public func accountsChanged(after id: Int64) throws -> (ids: [Int64], last: Int64) {
        // No DISTINCT: with it SQLite walks the whole (account, id) index instead of the
        // few newest rows by id.
        let sql = "SELECT account_id FROM events WHERE id > ? AND account_id IS NOT NULL"
        let last = "SELECT max(id) FROM events"
        func distinct(_ ids: [Int64]) -> [Int64] {
            var seen = Set<Int64>()
            return ids.filter { seen.insert($0).inserted }
        }
        return try read { db in
            (distinct(try db.column(sql, [id])), try Int64.fetchOne(db, sql: last) ?? 0)
        } team: { pg in
            (distinct(try pg.column(sql, [id])), try pg.column(last, as: Int64?.self)[0] ?? 0)
        }
    }

    /// Events, oldest first; of one account when given.
    public func events(account: Int64? = nil) throws -> [Event] {
        let sql = "SELECT * FROM events\(account == nil ? "" : " WHERE account_id = ?") ORDER BY id"
        let values: [(any DatabaseValueConvertible)?] = account.map { [$0] } ?? []
        return try read {
            try Rows.events($0, sql: sql, values)
        } team: {
            try Rows.events($0, sql: sql, values)
        }
    }

    /// Up to `limit` events newer than event `id`, oldest first, without what they replaced:
    /// an event stream's next lines. Ids grow in the order changes commit (one writer at a
    /// time, on a file and on a team store), so resuming after the last id seen misses none.
    public func events(after id: Int64, limit: Int) throws -> [Event] {
        let sql = """
            SELECT id, at, who, account_id, task_id, checkpoint_id, kind, before, after, detail, NULL AS prior
            FROM events WHERE id > ? ORDER BY id LIMIT ?
            """
        return try read {
            try Rows.events($0, sql: sql, [id, limit])
        } team: {
            try Rows.events($0, sql: sql, [id, limit])
        }
    }

    /// Accounts that were ever escalated, from the events.
    public func everEscalated() throws -> Set<Int64> {
        let sql = """
            SELECT DISTINCT account_id FROM events
            WHERE kind IN ('account.escalated', 'account.deescalated') AND kind = 'account.escalated'
              AND account_id IS NOT NULL
            """
        return Set(
            try read {
                try $0.column(sql, as: Int64.self)
            } team: {
                try $0.column(sql, as: Int64.self)
            })
    }

    /// Every account's metric facts.
    public func metricFacts(ids: [Int64]? = nil) throws -> [MetricFacts] {
        if ids?.isEmpty == true { return [] }
        return try read {
            try MetricFactsRows.all($0, ids: ids)
        } team: {
            try MetricFactsRows.all($0, ids: ids)
        }
    }

    /// How many accounts there are.
    public func accountCount() throws -> Int {
        let sql = "SELECT count(*) FROM accounts"
        return try read {
            try Int.fetchOne($0, sql: sql) ?? 0
        } team: {
            try $0.column(sql, as: Int.self)[0]
        }
    }

    /// Each account as the rules see it (`Account.ruleView`: its unfinished work), or those
    /// of `ids`, in id order — for what gives every account's reasons without its history.
    public func ruleViews(ids: [Int64]? = nil) throws -> [Account] {
        if ids?.isEmpty == true { return [] }
        return try read {
            try RuleViewRows.all($0, ids: ids)
        } team: {
            try RuleViewRows.all($0, ids: ids)
        }
    }

    /// The accounts `order` picks from every account's kept facts, as the portfolio needs
    /// them on `today`, in the order it gives their ids; what `transform` makes of each
    /// handed to `each` a batch at a time as soon as it is made, all in one read
    /// transaction: a report of every account written in its own order while it is worked
    /// out, never holding them all. An account its facts show green comes with those facts
    /// and its checkpoints, its tasks unread (a third of the active accounts, and most of
    /// the work of reading and colouring one); the others with their rule views.
    public func forEachInPortfolio<T>(
        asOf today: Day, orderedBy order: ([AccountFacts]) throws -> [Int64], batch: Int = 1024,
        _ transform: (PortfolioAccount) throws -> T, each: ([T]) throws -> Void
    ) throws {
        // Every account's facts let go once the order and the green ones are known.
        func plan(_ facts: [AccountFacts]) throws -> (ids: [Int64], green: [Int64: AccountFacts]) {
            var green: [Int64: AccountFacts] = [:]
            for f in facts where f.rag(strip: f.strip(asOf: today), asOf: today) == .green { green[f.id] = f }
            return (try order(facts), green)
        }
        try read { db in
            let (ids, green) = try plan(try FactsRows.all(db))
            try RuleViewRows.forEachInPortfolio(db, inOrder: ids, green: green, batch: batch, transform, each: each)
        } team: { pg in
            let (ids, green) = try plan(try FactsRows.all(pg))
            try RuleViewRows.forEachInPortfolio(pg, inOrder: ids, green: green, batch: batch, transform, each: each)
        }
    }

    public func playbooks() throws -> [StoredPlaybook] {
        try read {
            try Rows.playbooks($0)
        } team: {
            try Rows.playbooks($0)
        }
    }

    public func nextID() throws -> Int64 {
        try read {
            try Rows.nextID($0)
        } team: {
            try Rows.nextID($0)
        }
    }

    public func accountIDs() throws -> [Int64] {
        let sql = "SELECT id FROM accounts ORDER BY id"
        return try read {
            try $0.column(sql)
        } team: {
            try $0.column(sql)
        }
    }

    /// Every CSM's name, once each, in order.
    public func csms() throws -> [String] {
        let sql = "SELECT DISTINCT csm FROM accounts ORDER BY csm"
        return try read {
            try $0.column(sql, as: String.self)
        } team: {
            try $0.column(sql, as: String.self)
        }
    }

    /// Per account, how many days each escalation took to resolve: from its first
    /// escalation event to the event that resolved it (escalating again while escalated
    /// does not restart the clock). Escalations still open are not counted.
    public func escalationResolveDays() throws -> [Int64: [Int]] {
        let sql = """
            SELECT account_id, kind, at FROM events
            WHERE kind IN ('account.escalated', 'account.deescalated') AND account_id IS NOT NULL
            ORDER BY account_id, id
            """
        func rows(_ db: some RowSource) throws -> [(Int64, String, String)] {
            try db.all(sql) { r in (r[0], r[1], r[2]) }
        }
        let rows = try read {
            try rows($0)
        } team: {
            try rows($0)
        }
        var out: [Int64: [Int]] = [:]
        var open: [Int64: Day] = [:]
        for (id, kind, at) in rows {
            guard let day = Timestamp.day(of: at) else { continue }
            if kind == "account.escalated" {
                if open[id] == nil { open[id] = day }
            } else if let start = open.removeValue(forKey: id) {
                out[id, default: []].append(day - start)
            }
        }
        return out
    }
}
