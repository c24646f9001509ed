import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// Unfinished tasks of active accounts due before `today`, straight from the index on
    /// open tasks' due dates: no account is loaded whole.
    static let overdueSelect = """
        SELECT a.name, a.csm, t.lane, t.title, t.owner, t.status, t.due
        FROM tasks t JOIN accounts a ON a.id = t.account_id
        WHERE t.status NOT IN ('done', 'skipped', 'approved') AND t.due < ? AND a.completed_on IS NULL
        """

    /// The overdue query as the `sqlite3` shell takes it (the day written in): the floor the
    /// harness measures `golive report overdue` against.
    public static func overdueSQL(asOf today: Day) -> String {
        overdueSelect.replacingOccurrences(of: "?", with: "'\(today.iso)'") + " ORDER BY t.due, a.name, t.title"
    }

    public func overdueTasks(asOf today: Day, csm: String? = nil) throws -> [OverdueTask] {
        try read { db in
            var sql = Store.overdueSelect
            var args: [(any DatabaseValueConvertible)?] = [today.iso]
            if let csm {
                sql += " AND a.csm = ? COLLATE NOCASE"
                args.append(csm)
            }
            // Most overdue first, as the report lists them: its own sort then finds them in order.
            sql += " ORDER BY t.due, a.name, t.title"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
                OverdueTask(
                    account: r[0], csm: r[1], lane: try r.word(2, "tasks.lane"), title: r[3], owner: r[4],
                    status: try r.word(5, "tasks.status"), due: try r.requiredDay(6, "tasks.due"))
            }
        }
    }
}
