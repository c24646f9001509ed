import Foundation
import GRDB
import GoliveDomain

/// Reading rows into domain values. Whole tables are read in one pass each and grouped by
/// account, rather than one query per account, so opening a large store stays linear.
enum Rows {
    static func nextID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = 'next_id'") ?? 1
    }

    static func accountValues(_ a: Account) -> [(any DatabaseValueConvertible)?] {
        let handoff = (try? JSONEncoder.sorted.encode(a.handoff)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return [
            a.id, a.name, a.segment.rawValue, a.arr, a.csm, a.salesOwner, a.contractSigned.iso, a.targetGoLive.iso,
            a.playbook, handoff, a.escalation?.reason, a.escalation?.by, a.escalation?.on.iso, a.completedOn?.iso,
            a.lastActivity.iso, a.stageIndex, a.version,
        ]
    }

    static func playbooks(_ db: Database) throws -> [StoredPlaybook] {
        try Row.fetchAll(db, sql: "SELECT * FROM playbooks ORDER BY name").map { r in
            var t = Thresholds()
            t.amberWindowDays = r["amber_window_days"]
            t.noActivityDays = r["no_activity_days"]
            t.customerOverdueDays = r["customer_overdue_days"]
            t.approvalPendingDays = r["approval_pending_days"]
            t.customerWaitDays = r["customer_wait_days"]
            return StoredPlaybook(name: r["name"], title: r["title"], thresholds: t)
        }
    }

    static func events(_ db: Database, sql: String, _ args: StatementArguments) throws -> [Event] {
        try Row.fetchAll(db, sql: sql, arguments: args).map { r in
            Event(
                id: r["id"], at: r["at"], who: r["who"], accountID: r["account_id"], taskID: r["task_id"],
                checkpointID: r["checkpoint_id"], kind: r["kind"], before: r["before"], after: r["after"],
                detail: r["detail"])
        }
    }

    /// Reads tables in rowid order (a plain scan: ordering by account would seek the table
    /// once per row through an index) and columns by position; per-account lists are
    /// small and sorted here.
    static func accounts(_ db: Database, where id: Int64?) throws -> [Account] {
        try accounts(db, ids: id.map { [$0] })
    }

    /// The accounts with these ids (every account when nil), in id order.
    static func accounts(_ db: Database, ids: [Int64]?) throws -> [Account] {
        let list = ids.map { $0.map(String.init).joined(separator: ",") }
        let filter = list.map { " WHERE account_id IN (\($0))" } ?? ""
        let thresholds = Dictionary(uniqueKeysWithValues: try playbooks(db).map { ($0.name, $0.thresholds) })
        func day(_ r: Row, _ i: Int) -> Day? { (r[i] as String?).flatMap { Day(iso: $0) } }

        var stages: [Int64: [(Int, Stage)]] = [:]
        try Row.fetchCursor(
            db,
            sql:
                "SELECT account_id, ordinal, key, name, sla_days, entered_on, left_on, override_reason FROM stages\(filter)"
        ).forEach { r in
            stages[r[0], default: []].append(
                (
                    r[1],
                    Stage(
                        key: r[2], name: r[3], slaDays: r[4], enteredOn: day(r, 5), leftOn: day(r, 6),
                        overrideReason: r[7])
                ))
        }
        var checkpoints: [Int64: [Checkpoint]] = [:]
        try Row.fetchCursor(
            db,
            sql: """
                SELECT account_id, id, key, name, stage, due, customer_confirms, milestone, achieved_on, confirmed_by, version FROM checkpoints\(filter)
                """
        ).forEach { r in
            var c = Checkpoint(
                id: r[1], key: r[2], name: r[3], stage: r[4], due: day(r, 5)!, customerConfirms: r[6],
                milestone: (r[7] as String?).flatMap(Milestone.init), achievedOn: day(r, 8), confirmedBy: r[9])
            c.version = r[10]
            checkpoints[r[0], default: []].append(c)
        }
        var deps: [Int64: [Int64]] = [:]
        let depFilter = list.map { " WHERE task_id IN (SELECT id FROM tasks WHERE account_id IN (\($0)))" } ?? ""
        try Row.fetchCursor(db, sql: "SELECT task_id, depends_on FROM task_dependencies\(depFilter)").forEach { r in
            deps[r[0], default: []].append(r[1])
        }
        var tasks: [Int64: [OnboardingTask]] = [:]
        try Row.fetchCursor(
            db,
            sql: """
                SELECT account_id, id, title, lane, owner, due, status, reason, status_since, finished_on, checkpoint_id, version FROM tasks\(filter)
                """
        ).forEach { r in
            let tid: Int64 = r[1]
            var t = OnboardingTask(
                id: tid, title: r[2], lane: Lane(rawValue: r[3])!, owner: r[4],
                due: day(r, 5)!, status: TaskStatus(rawValue: r[6])!, reason: r[7],
                statusSince: day(r, 8)!, finishedOn: day(r, 9),
                checkpointID: r[10], dependsOn: deps[tid]?.sorted() ?? [])
            t.version = r[11]
            tasks[r[0], default: []].append(t)
        }
        var touchpoints: [Int64: [Touchpoint]] = [:]
        try Row.fetchCursor(
            db, sql: "SELECT account_id, id, on_day, audience, channel, objective FROM touchpoints\(filter)"
        ).forEach { r in
            touchpoints[r[0], default: []].append(
                Touchpoint(id: r[1], on: day(r, 2)!, audience: r[3], channel: r[4], objective: r[5]))
        }
        let accountFilter = list.map { " WHERE id IN (\($0))" } ?? ""
        let decoder = JSONDecoder()
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, segment, arr, csm, sales_owner, contract_signed, target_go_live, playbook, handoff,
                       escalation_reason, escalated_by, escalated_on, completed_on, last_activity, stage_index, version
                FROM accounts\(accountFilter) ORDER BY id
                """
        ).map { r in
            let aid: Int64 = r[0]
            let playbook: String = r[8]
            var escalation: Escalation? = nil
            if let reason = r[10] as String? {
                escalation = Escalation(reason: reason, by: r[11], on: day(r, 12) ?? day(r, 14)!)
            }
            let handoffText: String = r[9]
            let handoff =
                handoffText == "{}"
                ? Handoff() : (try? decoder.decode(Handoff.self, from: Data(handoffText.utf8))) ?? Handoff()
            var a = Account(
                id: aid, name: r[1], segment: Segment(rawValue: r[2])!, arr: r[3], csm: r[4],
                salesOwner: r[5], contractSigned: day(r, 6)!, targetGoLive: day(r, 7)!, playbook: playbook,
                handoff: handoff,
                escalation: escalation, completedOn: day(r, 13), lastActivity: day(r, 14)!,
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

extension JSONEncoder {
    /// Stable output: the same data always gives the same bytes.
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
