import Foundation
import GRDB
import GoliveDomain

/// The statements that write accounts, events and playbooks, the same on the SQLite file
/// and on a team store's server.
struct RowWrites {
    let connection: StoreConnection

    func setNextID(_ id: Int64) throws {
        try connection.run("UPDATE counters SET value = ? WHERE name = 'next_id'", [id])
    }

    func upsert(_ p: StoredPlaybook) throws {
        let t = p.thresholds
        try connection.run(
            """
            INSERT INTO playbooks VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET title = excluded.title,
              amber_window_days = excluded.amber_window_days, no_activity_days = excluded.no_activity_days,
              customer_overdue_days = excluded.customer_overdue_days,
              approval_pending_days = excluded.approval_pending_days,
              customer_wait_days = excluded.customer_wait_days
            """,
            [
                p.name, p.title, t.amberWindowDays, t.noActivityDays, t.customerOverdueDays,
                t.approvalPendingDays, t.customerWaitDays,
            ])
    }

    /// Inserts an event whose prior was written as JSON beforehand (on another thread: the
    /// seeder writes 50 of them per account).
    @discardableResult
    func insert(_ prepared: PreparedEvent) throws -> Event {
        var e = prepared.event
        // A new event's id is the server's to give: PostgreSQL takes no NULL for it.
        let fresh = e.id == 0
        if case .postgres(let pg) = connection, fresh {
            let result = try pg.execute(
                """
                INSERT INTO events (at, who, account_id, task_id, checkpoint_id, kind, before, after, detail, prior)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    .text(e.at), .text(e.who), PostgresValue(e.accountID), PostgresValue(e.taskID),
                    PostgresValue(e.checkpointID), .text(e.kind), PostgresValue(e.before), PostgresValue(e.after),
                    PostgresValue(e.detail), PostgresValue(prepared.packedPrior),
                ])
            e.id = try result.int(0, 0) ?? 0
            return e
        }
        var row = try connection.bound(
            """
            INSERT INTO events (id, at, who, account_id, task_id, checkpoint_id, kind, before, after, detail, prior)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        row.bind(fresh ? nil : e.id)
        row.bind(e.at)
        row.bind(e.who)
        row.bind(e.accountID)
        row.bind(e.taskID)
        row.bind(e.checkpointID)
        row.bind(e.kind)
        row.bind(e.before)
        row.bind(e.after)
        row.bind(e.detail)
        row.bind(prepared.packedPrior)
        try row.run()
        if fresh, case .sqlite(let db) = connection { e.id = db.lastInsertedRowID }
        return e
    }

    /// Inserts a whole account: its row, stages, checkpoints, tasks, dependencies, touchpoints.
    func insert(_ a: Account) throws {
        try connection.run(
            """
            INSERT INTO accounts (id, name, segment, arr, csm, sales_owner, contract_signed, target_go_live,
              playbook, handoff, escalation_reason, escalated_by, escalated_on, completed_on, last_activity,
              stage_index, version, escalated_to, holds, go_live_baseline, go_live_moves)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, Rows.accountValues(a))
        for (i, s) in a.stages.enumerated() {
            try connection.run(
                "INSERT INTO stages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [a.id, i, s.key, s.name, s.slaDays, s.enteredOn?.iso, s.leftOn?.iso, s.overrideReason])
        }
        for c in a.checkpoints { try insert(c, account: a.id) }
        for t in a.tasks { try insert(t, account: a.id, dependencies: false) }
        // Dependencies after every task exists: a task may depend on a later one.
        for t in a.tasks { try insertDependencies(t) }
        for t in a.touchpoints { try insert(t, account: a.id) }
        try FactsRows.save(a, connection)
    }

    func insert(_ t: Touchpoint, account: Int64) throws {
        try connection.run(
            """
            INSERT INTO touchpoints (id, account_id, on_day, audience, channel, objective, state, outcome, marked_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                t.id, account, t.on.iso, t.audience, t.channel, t.objective, t.state?.rawValue, t.outcome,
                t.markedOn?.iso,
            ])
    }

    func insert(_ c: Checkpoint, account: Int64) throws {
        var row = try connection.bound(
            """
            INSERT INTO checkpoints (id, account_id, key, name, stage, due, customer_confirms, milestone,
              achieved_on, confirmed_by, version, baseline, moves)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        row.bind(c.id)
        row.bind(account)
        row.bind(c.key)
        row.bind(c.name)
        row.bind(c.stage)
        row.bind(c.due.iso)
        row.bind(c.customerConfirms)
        row.bind(c.milestone?.rawValue)
        row.bind(c.achievedOn?.iso)
        row.bind(c.confirmedBy)
        row.bind(c.version)
        row.bind(c.replan?.baseline.iso)
        row.bind(c.replan?.moves ?? 0)
        try row.run()
    }

    func insert(_ t: OnboardingTask, account: Int64, dependencies: Bool) throws {
        var row = try connection.bound("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        row.bind(t.id)
        row.bind(account)
        row.bind(t.title)
        row.bind(t.lane.rawValue)
        row.bind(t.owner)
        row.bind(t.due.iso)
        row.bind(t.status.rawValue)
        row.bind(t.reason)
        row.bind(t.statusSince.iso)
        row.bind(t.finishedOn?.iso)
        row.bind(t.checkpointID)
        row.bind(t.version)
        try row.run()
        if dependencies { try insertDependencies(t) }
    }

    func insertDependencies(_ t: OnboardingTask) throws {
        for d in t.dependsOn {
            var row = try connection.bound("INSERT INTO task_dependencies VALUES (?, ?)")
            row.bind(t.id)
            row.bind(d)
            try row.run()
        }
    }

    /// Writes what differs between `old` and `new` (one account after a change).
    func save(_ new: Account, replacing old: Account) throws {
        try run(
            """
            UPDATE accounts SET name = ?, segment = ?, arr = ?, csm = ?, sales_owner = ?, contract_signed = ?,
              target_go_live = ?, playbook = ?, handoff = ?, escalation_reason = ?, escalated_by = ?,
              escalated_on = ?, completed_on = ?, last_activity = ?, stage_index = ?, version = ?,
              escalated_to = ?, holds = ?, go_live_baseline = ?, go_live_moves = ?
            WHERE id = ?
            """, Array(Rows.accountValues(new).dropFirst()) + [new.id])
        for (i, s) in new.stages.enumerated() where i >= old.stages.count || s != old.stages[i] {
            try run(
                """
                UPDATE stages SET entered_on = ?, left_on = ?, override_reason = ?
                WHERE account_id = ? AND ordinal = ?
                """,
                [s.enteredOn?.iso, s.leftOn?.iso, s.overrideReason, new.id, i])
        }
        let oldCheckpoints = Dictionary(uniqueKeysWithValues: old.checkpoints.map { ($0.id, $0) })
        for c in new.checkpoints where oldCheckpoints[c.id] != c {
            if oldCheckpoints[c.id] == nil {
                try insert(c, account: new.id)
                continue
            }
            try run(
                """
                UPDATE checkpoints SET name = ?, due = ?, achieved_on = ?, confirmed_by = ?, version = ?,
                  baseline = ?, moves = ?
                WHERE id = ?
                """,
                [
                    c.name, c.due.iso, c.achievedOn?.iso, c.confirmedBy, c.version, c.replan?.baseline.iso,
                    c.replan?.moves ?? 0, c.id,
                ])
        }
        let kept = Set(new.tasks.map(\.id))
        // Deleted, or taken back by an undo: their dependencies go with them (cascade).
        for t in old.tasks where !kept.contains(t.id) {
            try run("DELETE FROM tasks WHERE id = ?", [t.id])
        }
        let oldTasks = Dictionary(uniqueKeysWithValues: old.tasks.map { ($0.id, $0) })
        // Every new row first, then the dependencies, which may name one another.
        for t in new.tasks where oldTasks[t.id] == nil { try insert(t, account: new.id, dependencies: false) }
        for t in new.tasks where oldTasks[t.id]?.dependsOn != t.dependsOn {
            try run("DELETE FROM task_dependencies WHERE task_id = ?", [t.id])
            try insertDependencies(t)
        }
        for t in new.tasks where oldTasks[t.id] != t {
            if oldTasks[t.id] == nil { continue }
            try run(
                """
                UPDATE tasks SET title = ?, owner = ?, due = ?, status = ?, reason = ?, status_since = ?,
                  finished_on = ?, checkpoint_id = ?, version = ? WHERE id = ?
                """,
                [
                    t.title, t.owner, t.due.iso, t.status.rawValue, t.reason, t.statusSince.iso,
                    t.finishedOn?.iso, t.checkpointID, t.version, t.id,
                ])
        }
        // Touchpoints: added, marked, or taken back by an undo.
        let oldTouchpoints = Dictionary(uniqueKeysWithValues: old.touchpoints.map { ($0.id, $0) })
        let keptTouchpoints = Set(new.touchpoints.map(\.id))
        for t in old.touchpoints where !keptTouchpoints.contains(t.id) {
            try run("DELETE FROM touchpoints WHERE id = ?", [t.id])
        }
        for t in new.touchpoints where oldTouchpoints[t.id] != t {
            if oldTouchpoints[t.id] != nil {
                try run("DELETE FROM touchpoints WHERE id = ?", [t.id])
            }
            try insert(t, account: new.id)
        }
        try FactsRows.save(new, connection)
    }

    /// A statement every change runs, and every account a past day takes back: compiled
    /// once per connection, not once per row.
    private func run(_ sql: String, _ values: [(any DatabaseValueConvertible)?]) throws {
        try connection.run(sql, values)
    }
}
