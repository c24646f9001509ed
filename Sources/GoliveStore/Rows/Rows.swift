import Foundation
import GRDB
import GoliveDomain

/// Reading rows into domain values. Whole tables are read in one pass each and grouped by
/// account, rather than one query per account, so opening a large store stays linear.
enum Rows {
    static func nextID(_ db: some RowSource) throws -> Int64 {
        try db.column("SELECT value FROM counters WHERE name = 'next_id'", as: Int64.self).first ?? 1
    }

    static func accountValues(_ a: Account) -> [(any DatabaseValueConvertible)?] {
        let handoff = (try? JSONEncoder.sorted.encode(a.handoff)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        let holds =
            a.holds.isEmpty
            ? "[]" : (try? JSONEncoder.sorted.encode(a.holds)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        return [
            a.id, a.name, a.segment.rawValue, a.arr, a.csm, a.salesOwner, a.contractSigned.iso, a.targetGoLive.iso,
            a.playbook, handoff, a.escalation?.reason, a.escalation?.by, a.escalation?.on.iso, a.completedOn?.iso,
            a.lastActivity.iso, a.stageIndex, a.version, a.escalation?.to, holds, a.goLivePlan?.baseline.iso,
            a.goLivePlan?.moves ?? 0,
        ]
    }

    static func playbooks(_ db: some RowSource) throws -> [StoredPlaybook] {
        try db.all("SELECT * FROM playbooks ORDER BY name") { r in
            var t = Thresholds()
            t.amberWindowDays = r["amber_window_days"]
            t.noActivityDays = r["no_activity_days"]
            t.customerOverdueDays = r["customer_overdue_days"]
            t.approvalPendingDays = r["approval_pending_days"]
            t.customerWaitDays = r["customer_wait_days"]
            return StoredPlaybook(name: r["name"], title: r["title"], thresholds: t)
        }
    }

    static func events(_ db: some RowSource, sql: String, _ values: [(any DatabaseValueConvertible)?]) throws
        -> [Event]
    {
        try db.all(sql, values) { r in
            Event(
                id: r["id"], at: r["at"], who: r["who"], accountID: r["account_id"], taskID: r["task_id"],
                checkpointID: r["checkpoint_id"], kind: r["kind"], before: r["before"], after: r["after"],
                detail: r["detail"], prior: try storedPrior(r["prior"])?.decoded())
        }
    }

    /// `+id`: ordered after the time index has found the newest events, not by walking
    /// every event backwards by id (a scan of 470,000 at 10,000 accounts).
    static let priorsSQL =
        "SELECT account_id, prior FROM events WHERE at >= ? AND account_id IS NOT NULL ORDER BY +id DESC"

    /// The same for some accounts (a JSON array of ids), each found by its events' index
    /// from the period's first event on (the smallest id of an event at or after `at` bounds
    /// every such event's id, whatever order the clock gave them), not through all its history.
    static let accountsPriorsSQL = """
        SELECT account_id, prior FROM events
        WHERE account_id IN (SELECT value FROM json_each(?1)) AND at >= ?2
          AND id >= (SELECT min(id) FROM events INDEXED BY events_at WHERE at >= ?2)
        ORDER BY id DESC
        """

    /// Per account, the priors of its events at or after `at` (a timestamp, or a day),
    /// newest first — the order that rewinds them — and how many events there were. The
    /// priors are read in one pass and decoded on every core: a week at 10,000 accounts is
    /// 100,000 events, and decoding them was a quarter of the changes report.
    static func priors(
        _ db: Database, since at: String, accounts: [Int64]? = nil
    ) throws -> (priors: [Int64: [Prior]], events: [Int64: Int]) {
        let period = try storedPriors(db, since: at, accounts: accounts)
        let ids = Array(period.byAccount.keys)
        let decoded = try ids.stripedMap(minimumPerStripe: 16) { try period.decoded(of: $0) }
        return (Dictionary(uniqueKeysWithValues: zip(ids, decoded)), period.events)
    }

    /// The same priors as they are kept (packed bytes, or JSON from before), not decoded: a
    /// week at 100,000 accounts is 840,000 of them, a few hundred MB once decoded, so the
    /// Changes screen decodes them a batch of accounts at a time.
    static func storedPriors(_ db: Database, since at: String, accounts: [Int64]? = nil) throws -> PeriodPriors {
        var period = PeriodPriors()
        let statement = try db.makeStatement(sql: accounts == nil ? priorsSQL : accountsPriorsSQL)
        let arguments: StatementArguments =
            accounts.map { ["[" + $0.map(String.init).joined(separator: ",") + "]", at] } ?? [at]
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let c = StatementColumns(statement: statement.sqliteStatement)
        while try rows.next() != nil { period.take(c, column: 0) }
        return period
    }

    /// The same on a team store: the server plans the lookups itself.
    static func storedPriors(_ pg: PostgresConnection, since at: String, accounts: [Int64]? = nil) throws
        -> PeriodPriors
    {
        var period = PeriodPriors()
        let only = accounts == nil ? "" : " AND account_id = ANY(string_to_array(?, ',')::bigint[])"
        let values: [PostgresValue] =
            [.text(at)] + (accounts.map { [.text($0.map(String.init).joined(separator: ","))] } ?? [])
        let result = try pg.execute(
            "SELECT account_id, prior FROM events WHERE at >= ? AND account_id IS NOT NULL\(only) ORDER BY id DESC",
            values)
        for i in 0..<result.count { period.take(PostgresColumns(result: result, row: i), column: 0) }
        return period
    }

    /// The tasks a filter of the tasks table picks, by account, each with the dependencies a
    /// filter of theirs picks.
    private static func tasks(_ db: some RowSource, where filter: String, dependencies depFilter: String) throws
        -> [Int64: [OnboardingTask]]
    {
        var deps: [Int64: [Int64]] = [:]
        try db.each("SELECT task_id, depends_on FROM task_dependencies\(depFilter)", []) { r in
            try r.requireValues([0, 1], in: "task_dependencies")
            deps[r[0], default: []].append(r[1])
        }
        var tasks: [Int64: [OnboardingTask]] = [:]
        try db.each(
            """
            SELECT account_id, id, title, lane, owner, due, status, reason, status_since, finished_on,
                   checkpoint_id, version
            FROM tasks\(filter)
            """, []
        ) { r in
            try r.requireValues([0, 1, 2, 4, 11], in: "tasks")
            let tid: Int64 = r[1]
            var t = OnboardingTask(
                id: tid, title: r[2], lane: try r.word(3, "tasks.lane"), owner: r[4],
                due: try r.requiredDay(5, "tasks.due"), status: try r.word(6, "tasks.status"), reason: r[7],
                statusSince: try r.requiredDay(8, "tasks.status_since"), finishedOn: try r.day(9, "tasks.finished_on"),
                checkpointID: r[10], dependsOn: deps[tid]?.sorted() ?? [])
            t.version = r[11]
            tasks[r[0], default: []].append(t)
        }
        return tasks
    }

    /// A prior column's value as it is kept: packed bytes, or JSON from before.
    static func storedPrior(_ value: DatabaseValue) -> StoredPrior? {
        switch value.storage {
        case .blob(let data): return .packed(data)
        case .string(let text): return .json(text)
        default: return nil
        }
    }

    static func prior(_ json: String) throws -> Prior {
        try JSONDecoder().decode(Prior.self, from: Data(json.utf8))
    }

    /// Reads tables in rowid order (a plain scan: ordering by account would seek the table
    /// once per row through an index) and columns by position; per-account lists are
    /// small and sorted here.
    static func accounts(_ db: some RowSource, where id: Int64?) throws -> [Account] {
        try accounts(db, ids: id.map { [$0] })
    }

    /// The accounts with these ids (every account when nil), in id order.
    static func accounts(_ db: some RowSource, ids: [Int64]?) throws -> [Account] {
        // `IN ()` is no list to PostgreSQL.
        if ids?.isEmpty == true { return [] }
        let list = ids.map { $0.map(String.init).joined(separator: ",") }
        let filter = list.map { " WHERE account_id IN (\($0))" } ?? ""
        let thresholds = Dictionary(uniqueKeysWithValues: try playbooks(db).map { ($0.name, $0.thresholds) })

        var stages: [Int64: [(Int, Stage)]] = [:]
        try db.each(
            """
            SELECT account_id, ordinal, key, name, sla_days, entered_on, left_on, override_reason
            FROM stages\(filter)
            """, []
        ) { r in
            try r.requireValues([0, 1, 2, 3, 4], in: "stages")
            let stage = Stage(
                key: r[2], name: r[3], slaDays: r[4], enteredOn: try r.day(5, "stages.entered_on"),
                leftOn: try r.day(6, "stages.left_on"), overrideReason: r[7])
            stages[r[0], default: []].append((r[1], stage))
        }
        var checkpoints: [Int64: [Checkpoint]] = [:]
        try db.each(
            """
            SELECT account_id, id, key, name, stage, due, customer_confirms, milestone, achieved_on, confirmed_by,
                   version, baseline, moves
            FROM checkpoints\(filter)
            """, []
        ) { r in
            try r.requireValues([0, 1, 2, 3, 4, 6, 10], in: "checkpoints")
            var c = Checkpoint(
                id: r[1], key: r[2], name: r[3], stage: r[4], due: try r.requiredDay(5, "checkpoints.due"),
                customerConfirms: r[6], milestone: (r[7] as String?).flatMap(Milestone.init),
                achievedOn: try r.day(8, "checkpoints.achieved_on"), confirmedBy: r[9],
                replan: try r.day(11, "checkpoints.baseline").map { Replan(baseline: $0, moves: r[12] ?? 0) })
            c.version = r[10]
            checkpoints[r[0], default: []].append(c)
        }
        let tasks = try Rows.tasks(
            db, where: filter,
            dependencies: list.map { " WHERE task_id IN (SELECT id FROM tasks WHERE account_id IN (\($0)))" } ?? "")
        var touchpoints: [Int64: [Touchpoint]] = [:]
        try db.each(
            "SELECT account_id, id, on_day, audience, channel, objective, state, outcome, marked_on FROM touchpoints\(filter)",
            []
        ) { r in
            try r.requireValues([0, 1, 3, 4, 5], in: "touchpoints")
            let touchpoint = Touchpoint(
                id: r[1], on: try r.requiredDay(2, "touchpoints.on_day"), audience: r[3], channel: r[4],
                objective: r[5], state: r.hasNull(atIndex: 6) ? nil : try r.word(6, "touchpoints.state"), outcome: r[7],
                markedOn: try r.day(8, "touchpoints.marked_on"))
            touchpoints[r[0], default: []].append(touchpoint)
        }
        let accountFilter = list.map { " WHERE id IN (\($0))" } ?? ""
        let decoder = JSONDecoder()
        return try db.all(
            """
            SELECT id, name, segment, arr, csm, sales_owner, contract_signed, target_go_live, playbook, handoff,
                   escalation_reason, escalated_by, escalated_on, completed_on, last_activity, stage_index, version,
                   escalated_to, holds, go_live_baseline, go_live_moves
            FROM accounts\(accountFilter) ORDER BY id
            """
        ) { r in
            try r.requireValues([0, 1, 3, 4, 5, 8, 9, 15, 16], in: "accounts")
            let aid: Int64 = r[0]
            let playbook: String = r[8]
            var escalation: Escalation? = nil
            if let reason = r[10] as String? {
                let on = try r.day(12, "accounts.escalated_on") ?? r.requiredDay(14, "accounts.last_activity")
                escalation = Escalation(reason: reason, by: r[11], on: on, to: r[17])
            }
            let handoff = Rows.handoff(r[9], decoder)
            let holdsText: String = r[18] ?? "[]"
            let holds: [Hold]
            do {
                holds = holdsText == "[]" ? [] : try decoder.decode([Hold].self, from: Data(holdsText.utf8))
            } catch {
                throw StoreError.unreadable("accounts.holds", holdsText)
            }
            var a = Account(
                id: aid, name: r[1], segment: try r.word(2, "accounts.segment"), arr: r[3], csm: r[4],
                salesOwner: r[5], contractSigned: try r.requiredDay(6, "accounts.contract_signed"),
                targetGoLive: try r.requiredDay(7, "accounts.target_go_live"),
                goLivePlan: try r.day(19, "accounts.go_live_baseline").map { Replan(baseline: $0, moves: r[20] ?? 0) },
                playbook: playbook,
                handoff: handoff, escalation: escalation, holds: holds,
                completedOn: try r.day(13, "accounts.completed_on"),
                lastActivity: try r.requiredDay(14, "accounts.last_activity"),
                thresholds: thresholds[playbook] ?? Thresholds(),
                stages: (stages[aid] ?? []).sorted { $0.0 < $1.0 }.map(\.1), stageIndex: r[15],
                checkpoints: (checkpoints[aid] ?? []).sorted { ($0.due, $0.id) < ($1.due, $1.id) },
                tasks: (tasks[aid] ?? []).sorted { $0.id < $1.id },
                touchpoints: (touchpoints[aid] ?? []).sorted { ($0.on, $0.id) < ($1.on, $1.id) })
            a.version = r[16]
            return a
        }
    }
}
