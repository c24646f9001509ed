import Foundation
import GRDB
import GoliveDomain

extension Rows {
    /// The tasks a rule view leaves out (finished, or gone) as the Changes screen compares
    /// them: each as a prior kept it, with what it is now read from the tasks table — its
    /// status, title and reason, and when its status last changed. A finished task's other
    /// fields no rule and no line reads, and its dependencies were most of reading 400,000
    /// of them whole in a week at 100,000 accounts. A task deleted since is left out, as
    /// reading the account whole would. By account.
    static func finishedTasks(_ connection: StoreConnection, asKeptIn kept: [Int64: OnboardingTask]) throws
        -> [Int64: [OnboardingTask]]
    {
        if kept.isEmpty { return [:] }
        let list = kept.keys.sorted().map(String.init).joined(separator: ",")
        let sql = """
            SELECT account_id, id, title, status, reason, status_since, finished_on, version
            FROM tasks WHERE id IN (\(list))
            """
        var out: [Int64: [OnboardingTask]] = [:]
        func take(_ c: some Columns) throws {
            try c.requireValues([0, 1, 2, 3, 5, 7], in: "tasks")
            guard var t = kept[c.int64(1)] else { return }
            t.title = c.text(2)
            t.status = try c.word(3, "tasks.status")
            t.reason = c.optionalText(4)
            t.statusSince = try c.isoDay(5, "tasks.status_since")
            t.finishedOn = c.isNull(6) ? nil : try c.isoDay(6, "tasks.finished_on")
            t.version = c.int(7)
            out[c.int64(0), default: []].append(t)
        }
        switch connection {
        case .sqlite(let db):
            let statement = try db.makeStatement(sql: sql)
            let rows = try Row.fetchCursor(statement)
            let c = StatementColumns(statement: statement.sqliteStatement)
            while try rows.next() != nil { try take(c) }
        case .postgres(let pg):
            let result = try pg.execute(sql)
            for i in 0..<result.count { try take(PostgresColumns(result: result, row: i)) }
        }
        return out
    }

    /// An account's handoff record from its column: an empty one for `{}` (most accounts)
    /// without decoding, and for text that does not decode, as the board shows it.
    static func handoff(_ text: String, _ decoder: JSONDecoder) -> Handoff {
        text == "{}" ? Handoff() : (try? decoder.decode(Handoff.self, from: Data(text.utf8))) ?? Handoff()
    }

    /// The handoff record of each of these accounts, by id, read as `accounts` reads it.
    static func handoffs(_ db: some RowSource, ids: [Int64]) throws -> [Int64: Handoff] {
        if ids.isEmpty { return [:] }
        let list = ids.map(String.init).joined(separator: ",")
        let decoder = JSONDecoder()
        var out: [Int64: Handoff] = [:]
        try db.each("SELECT id, handoff FROM accounts WHERE id IN (\(list))", []) { r in
            try r.requireValues([0, 1], in: "accounts")
            out[r[0]] = Rows.handoff(r[1], decoder)
        }
        return out
    }
}
