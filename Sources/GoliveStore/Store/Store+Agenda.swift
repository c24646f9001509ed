import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// The agenda's queries, each with the week's last day as its one parameter: unfinished
    /// tasks (from the index on open tasks' due dates), checkpoints, planned touchpoints and
    /// the follow-ups of each account's last review, of active accounts. Each is sorted by
    /// `agendaOrder` in SQLite, which sorted 665,000 tasks at 100,000 accounts in a quarter of
    /// the time Swift took: the four then need only merging.
    static let agendaQueries = [
        """
        SELECT t.due, t.lane, a.id, a.name, t.title, t.owner, a.csm, t.id
        FROM tasks t JOIN accounts a ON a.id = t.account_id
        WHERE \(Schema.openTask("t.status")) AND t.due <= ? AND a.completed_on IS NULL
        """,
        """
        SELECT c.due, a.id, a.name, c.name, a.csm, c.id
        FROM checkpoints c JOIN accounts a ON a.id = c.account_id
        WHERE c.achieved_on IS NULL AND c.due <= ? AND a.completed_on IS NULL
        """,
        """
        SELECT p.on_day, a.id, a.name, p.objective, p.channel, p.audience, a.csm, p.id
        FROM touchpoints p JOIN accounts a ON a.id = p.account_id
        WHERE p.state IS NULL AND p.on_day <= ? AND a.completed_on IS NULL
        """,
        """
        SELECT e.after, a.id, a.name, e.detail, e.who, a.csm FROM events e
        JOIN \(Store.lastReviews) ON e.id = r.m
        JOIN accounts a ON a.id = e.account_id
        WHERE e.after IS NOT NULL AND e.after <= ? AND a.completed_on IS NULL
        """,
    ]

    /// Each query's rows counted by day, `?1` today and `?2` the week's end: what the header
    /// says while only the first screen is read. An active account is one not among the
    /// completed (their own small index), so the open-task index alone is read.
    static let agendaCounts = [
        """
        SELECT sum(CASE WHEN t.due < ?1 THEN 1 ELSE 0 END), sum(CASE WHEN t.due = ?1 THEN 1 ELSE 0 END), count(*) FROM tasks t
        WHERE \(Schema.openTask("t.status")) AND t.due <= ?2 AND t.account_id NOT IN \(completedAccounts)
        """,
        """
        SELECT sum(CASE WHEN c.due < ?1 THEN 1 ELSE 0 END), sum(CASE WHEN c.due = ?1 THEN 1 ELSE 0 END), count(*) FROM checkpoints c
        WHERE c.achieved_on IS NULL AND c.due <= ?2 AND c.account_id NOT IN \(completedAccounts)
        """,
        """
        SELECT sum(CASE WHEN p.on_day < ?1 THEN 1 ELSE 0 END), sum(CASE WHEN p.on_day = ?1 THEN 1 ELSE 0 END), count(*) FROM touchpoints p
        WHERE p.state IS NULL AND p.on_day <= ?2 AND p.account_id NOT IN \(completedAccounts)
        """,
        """
        SELECT sum(CASE WHEN e.after < ?1 THEN 1 ELSE 0 END), sum(CASE WHEN e.after = ?1 THEN 1 ELSE 0 END), count(*) FROM events e
        JOIN \(Store.lastReviews) ON e.id = r.m
        JOIN accounts a ON a.id = e.account_id
        WHERE e.after IS NOT NULL AND e.after <= ?2 AND a.completed_on IS NULL
        """,
    ]
    static let completedAccounts = "(SELECT id FROM accounts WHERE completed_on IS NOT NULL)"

    /// Each query's order: the agenda's within one kind (by day, account name and the title
    /// as the screen shows it), then by ids, so that equal texts come in one order.
    static let agendaOrder = [
        " ORDER BY t.due, a.name, t.title, a.id, t.id",
        " ORDER BY c.due, a.name, c.name, a.id, c.id",
        " ORDER BY p.on_day, a.name, p.objective || ' (' || p.channel || ')', a.id, p.id",
        " ORDER BY e.after, a.name, coalesce(e.detail, ''), a.id",
    ]

    /// The agenda's queries as the `sqlite3` shell takes them (the day written in): the
    /// floor the harness measures the agenda against.
    public static func agendaSQL(through end: Day) -> String {
        zip(agendaQueries, agendaOrder).map { query, order in
            query.replacingOccurrences(of: "?", with: "'\(end.iso)'") + order + ";"
        }
        .joined(separator: "\n")
    }

    /// The agenda of active accounts (of one CSM's when given): unfinished tasks and
    /// checkpoints due up to `end` (overdue ones included), and planned touchpoints up to
    /// `end` — a past one stays until someone marks it held or missed. Read straight from
    /// SQLite's columns, repeated texts made into strings once: at 10,000 accounts it is
    /// 90,000 rows, most of them overdue tasks.
    /// Only the items of `accounts` when given.
    public func agenda(today: Day, through end: Day, csm: String? = nil, accounts: [Int64]? = nil) throws
        -> [AgendaItem]
    {
        try read { db in
            try Store.agenda(.sqlite(db), through: end, csm: csm, accounts: accounts, first: nil)
        } team: { pg in
            try Store.agenda(.postgres(pg), through: end, csm: csm, accounts: accounts, first: nil)
        }
    }

    /// The first `count` items of the whole agenda, and how many it holds overdue, due today
    /// and in the days after: what its first screen shows, read in one transaction. At
    /// 100,000 accounts the agenda is 885,000 items, a second and a half to read whole;
    /// SQLite walks the open tasks' index in due order for the first ones.
    public func agendaHead(today: Day, through end: Day, count: Int) throws -> AgendaHead {
        try read {
            try Store.agendaHead(.sqlite($0), today: today, through: end, count: count)
        } team: {
            try Store.agendaHead(.postgres($0), today: today, through: end, count: count)
        }
    }

    private static func agendaHead(_ connection: StoreConnection, today: Day, through end: Day, count: Int) throws
        -> AgendaHead
    {
        var head = AgendaHead(
            items: try agenda(connection, through: end, csm: nil, accounts: nil, first: count), overdue: 0, today: 0,
            coming: 0)
        for sql in Store.agendaCounts {
            guard
                let row = try connection.all(
                    sql, [today.iso, end.iso], { r in (r[0], r[1], r[2]) as (Int?, Int?, Int?) }
                )
                .first
            else { continue }
            let (late, due, all) = (row.0 ?? 0, row.1 ?? 0, row.2 ?? 0)
            head.overdue += late
            head.today += due
            head.coming += all - late - due
        }
        return head
    }

    private static func agenda(
        _ connection: StoreConnection, through end: Day, csm: String?, accounts: [Int64]?, first: Int?
    ) throws -> [AgendaItem] {
        if accounts?.isEmpty == true { return [] }
        let only = accounts.map { " AND a.id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        let limit = first.map { " LIMIT \($0)" } ?? ""
        let me = csm?.lowercased()
        var runs: [[AgendaItem]] = [[], [], [], []]
        func each(_ query: Int, _ body: (any Columns) throws -> Void) throws {
            let sql = Store.agendaQueries[query] + only + Store.agendaOrder[query] + limit
            switch connection {
            case .sqlite(let db):
                let statement = try db.makeStatement(sql: sql)
                let rows = try Row.fetchCursor(statement, arguments: [end.iso])
                let c = StatementColumns(statement: statement.sqliteStatement)
                while try rows.next() != nil { try body(c) }
            case .postgres(let pg):
                let result = try pg.execute(sql, [.text(end.iso)])
                for i in 0..<result.count { try body(PostgresColumns(result: result, row: i)) }
            }
        }
        func mine(_ c: any Columns, _ i: Int) -> Bool { me == nil || c.text(i).lowercased() == me }
        try each(0) { c in
            guard mine(c, 6) else { return }
            try c.requireValues([0, 1, 2, 3, 4, 5, 7], in: "tasks")
            runs[0].append(
                AgendaItem(
                    day: try c.isoDay(0, "tasks.due"), kind: .task(try c.word(1, "tasks.lane")),
                    accountID: c.int64(2), account: c.text(3), title: c.text(4), who: c.text(5), itemID: c.int64(7))
            )
        }
        try each(1) { c in
            guard mine(c, 4) else { return }
            try c.requireValues([0, 1, 2, 3, 5], in: "checkpoints")
            runs[1].append(
                AgendaItem(
                    day: try c.isoDay(0, "checkpoints.due"), kind: .checkpoint, accountID: c.int64(1),
                    account: c.text(2), title: c.text(3), who: c.text(4), itemID: c.int64(5)))
        }
        try each(2) { c in
            guard mine(c, 6) else { return }
            try c.requireValues([0, 1, 2, 3, 4, 5, 7], in: "touchpoints")
            runs[2].append(
                AgendaItem(
                    day: try c.isoDay(0, "touchpoints.on_day"), kind: .touchpoint, accountID: c.int64(1),
                    account: c.text(2), title: "\(c.text(3)) (\(c.text(4)))", who: c.text(5), itemID: c.int64(7)))
        }
        // The follow-up of each account's last review, until a later review answers it.
        try each(3) { c in
            guard mine(c, 5) else { return }
            try c.requireValues([1, 2], in: "events")
            runs[3].append(
                AgendaItem(
                    day: try c.isoDay(0, "events.after"), kind: .followUp, accountID: c.int64(1),
                    account: c.text(2), title: "follow up: \(c.optionalText(3) ?? "")", who: c.optionalText(4) ?? ""
                ))
        }
        let all = AgendaItem.ordered(runs: runs)
        return first.map { Array(all.prefix($0)) } ?? all
    }
}
