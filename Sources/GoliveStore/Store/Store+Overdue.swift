import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// Unfinished tasks of active accounts due before `today`, straight from the index on
    /// open tasks' due dates: no account is loaded whole.
    static let overdueSelect = """
        SELECT a.name, a.csm, t.lane, t.title, t.owner, t.status, t.due
        FROM tasks t JOIN accounts a ON a.id = t.account_id
        WHERE \(Schema.openTask("t.status")) AND t.due < ? AND a.completed_on IS NULL
        """

    /// The overdue query as the `sqlite3` shell takes it (the day written in): the floor the
    /// harness measures `golive report overdue` against.
    public static func overdueSQL(asOf today: Day) -> String {
        overdueSelect.replacingOccurrences(of: "?", with: "'\(today.iso)'") + overdueOrder
    }

    static let overdueColumns = Array(0...6)
    /// Most overdue first, then by account and task as their bytes compare, then by id.
    static let overdueOrder = " ORDER BY t.due, a.name, t.title, t.id"

    /// The overdue tasks in the report's order — most overdue first, then by account and
    /// task, as their UTF-8 bytes compare — handed over one at a time as the cursor reads
    /// them. A lane or status the schema forbids, or a damaged due day, is refused in words.
    public func forEachOverdueTask(
        asOf today: Day, csm: String? = nil, _ body: (OverdueTaskBytes) throws -> Void
    ) throws {
        var sql = Store.overdueSelect
        var args: [(any DatabaseValueConvertible)?] = [today.iso]
        if let csm {
            sql +=
                team == nil
                ? " AND a.csm = ? COLLATE NOCASE" : " AND lower(a.csm COLLATE \"C\") = lower(?::text COLLATE \"C\")"
            args.append(csm)
        }
        sql += Store.overdueOrder
        let lanes = Lane.allCases.map { Array($0.rawValue.utf8) }
        let statuses = TaskStatus.allCases.map { Array($0.rawValue.utf8) }
        func take(_ columns: OverdueTaskBytes.Row, nulls: (Int) -> Bool) throws {
            for i in Store.overdueColumns where nulls(i) {
                throw StoreError.unreadable("tasks column \(i + 1)", "NULL")
            }
            var t = OverdueTaskBytes(columns: columns, due: Day(ordinal: 0))
            // Checked on the bytes: a string made per row for this alone showed in profiles.
            guard t.withBytes(.lane, { b in lanes.contains { $0.elementsEqual(b) } }) else {
                throw StoreError.unreadable("tasks.lane", t.text(.lane))
            }
            guard t.withBytes(.status, { b in statuses.contains { $0.elementsEqual(b) } }) else {
                throw StoreError.unreadable("tasks.status", t.text(.status))
            }
            guard let due = t.withBytes(.due, Day.init(isoBytes:)) else {
                throw StoreError.unreadable("tasks.due", t.text(.due))
            }
            t.due = due
            try body(t)
        }
        try read { db in
            let statement = try db.makeStatement(sql: sql)
            let rows = try GRDB.Row.fetchCursor(statement, arguments: StatementArguments(args))
            let c = StatementColumns(statement: statement.sqliteStatement)
            while try rows.next() != nil { try take(.file(c), nulls: c.isNull) }
        } team: { pg in
            let result = try pg.execute(sql, args.map(PostgresValue.init))
            for i in 0..<result.count {
                let c = PostgresColumns(result: result, row: i)
                try take(.team(c), nulls: c.isNull)
            }
        }
    }
}
