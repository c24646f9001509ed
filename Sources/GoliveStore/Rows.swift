import Foundation
import GRDB
import GoliveDomain

/// Reading rows into domain values. Whole tables are read in one pass each and grouped by
/// account, rather than one query per account, so opening a large store stays linear.
enum Rows {
    static func day(_ row: Row, _ column: String) -> Day? {
        (row[column] as String?).flatMap { Day(iso: $0) }
    }

    static func nextID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = 'next_id'") ?? 1
    }

    static func accountValues(_ a: Account) -> [(any DatabaseValueConvertible)?] {
        let handoff = (try? JSONEncoder.sorted.encode(a.handoff)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return [a.id, a.name, a.segment.rawValue, a.arr, a.csm, a.salesOwner, a.contractSigned.iso, a.targetGoLive.iso,
                a.playbook, handoff, a.escalation?.reason, a.escalation?.by, a.escalation?.on.iso, a.completedOn?.iso,
                a.lastActivity.iso, a.stageIndex, a.version]
    }

    static func playbooks(_ db: Database) throws -> [StoredPlaybook] {
        try Row.fetchAll(db, sql: "SELECT * FROM playbooks ORDER BY name").map { r in
            var t = Thresholds()
            t.amberWindowDays = r["amber_window_days"]; t.noActivityDays = r["no_activity_days"]
            t.customerOverdueDays = r["customer_overdue_days"]; t.approvalPendingDays = r["approval_pending_days"]
            t.customerWaitDays = r["customer_wait_days"]
            return StoredPlaybook(name: r["name"], title: r["title"], thresholds: t)
        }
    }

    static func events(_ db: Database, sql: String, _ args: StatementArguments) throws -> [Event] {
        try Row.fetchAll(db, sql: sql, arguments: args).map { r in
            Event(id: r["id"], at: r["at"], who: r["who"], accountID: r["account_id"], taskID: r["task_id"],
                  checkpointID: r["checkpoint_id"], kind: r["kind"], before: r["before"], after: r["after"], detail: r["detail"])
        }
    }

    static func accounts(_ db: Database, where id: Int64?) throws -> [Account] {
        let filter = id == nil ? "" : " WHERE account_id = \(id!)"
        let thresholds = Dictionary(uniqueKeysWithValues: try playbooks(db).map { ($0.name, $0.thresholds) })

        var stages: [Int64: [Stage]] = [:]
        try Row.fetchCursor(db, sql: "SELECT * FROM stages\(filter) ORDER BY account_id, ordinal").forEach { r in
            stages[r["account_id"], default: []].append(Stage(key: r["key"], name: r["name"], slaDays: r["sla_days"],
                enteredOn: day(r, "entered_on"), leftOn: day(r, "left_on"), overrideReason: r["override_reason"]))
        }
        var checkpoints: [Int64: [Checkpoint]] = [:]
        try Row.fetchCursor(db, sql: "SELECT * FROM checkpoints\(filter) ORDER BY account_id, due, id").forEach { r in
            var c = Checkpoint(id: r["id"], key: r["key"], name: r["name"], stage: r["stage"], due: day(r, "due")!,
                               customerConfirms: r["customer_confirms"], milestone: (r["milestone"] as String?).flatMap(Milestone.init),
                               achievedOn: day(r, "achieved_on"), confirmedBy: r["confirmed_by"])
            c.version = r["version"]
            checkpoints[r["account_id"], default: []].append(c)
        }
        var deps: [Int64: [Int64]] = [:]
        let depFilter = id == nil ? "" : " WHERE task_id IN (SELECT id FROM tasks WHERE account_id = \(id!))"
        try Row.fetchCursor(db, sql: "SELECT task_id, depends_on FROM task_dependencies\(depFilter) ORDER BY task_id, depends_on").forEach { r in
            deps[r[0], default: []].append(r[1])
        }
        var tasks: [Int64: [OnboardingTask]] = [:]
        try Row.fetchCursor(db, sql: "SELECT * FROM tasks\(filter) ORDER BY account_id, id").forEach { r in
            let tid: Int64 = r["id"]
            var t = OnboardingTask(id: tid, title: r["title"], lane: Lane(rawValue: r["lane"])!, owner: r["owner"],
                                   due: day(r, "due")!, status: TaskStatus(rawValue: r["status"])!, reason: r["reason"],
                                   statusSince: day(r, "status_since")!, finishedOn: day(r, "finished_on"),
                                   checkpointID: r["checkpoint_id"], dependsOn: deps[tid] ?? [])
            t.version = r["version"]
            tasks[r["account_id"], default: []].append(t)
        }
        var touchpoints: [Int64: [Touchpoint]] = [:]
        try Row.fetchCursor(db, sql: "SELECT * FROM touchpoints\(filter) ORDER BY account_id, on_day, id").forEach { r in
            touchpoints[r["account_id"], default: []].append(Touchpoint(id: r["id"], on: day(r, "on_day")!,
                audience: r["audience"], channel: r["channel"], objective: r["objective"]))
        }
        let accountFilter = id == nil ? "" : " WHERE id = \(id!)"
        let decoder = JSONDecoder()
        return try Row.fetchAll(db, sql: "SELECT * FROM accounts\(accountFilter) ORDER BY id").map { r in
            let aid: Int64 = r["id"]
            let playbook: String = r["playbook"]
            var escalation: Escalation? = nil
            if let reason = r["escalation_reason"] as String? {
                escalation = Escalation(reason: reason, by: r["escalated_by"], on: day(r, "escalated_on") ?? day(r, "last_activity")!)
            }
            let handoff = (try? decoder.decode(Handoff.self, from: Data((r["handoff"] as String).utf8))) ?? Handoff()
            var a = Account(id: aid, name: r["name"], segment: Segment(rawValue: r["segment"])!, arr: r["arr"], csm: r["csm"],
                            salesOwner: r["sales_owner"], contractSigned: day(r, "contract_signed")!,
                            targetGoLive: day(r, "target_go_live")!, playbook: playbook, handoff: handoff,
                            escalation: escalation, completedOn: day(r, "completed_on"), lastActivity: day(r, "last_activity")!,
                            thresholds: thresholds[playbook] ?? Thresholds(), stages: stages[aid] ?? [],
                            stageIndex: r["stage_index"], checkpoints: checkpoints[aid] ?? [], tasks: tasks[aid] ?? [],
                            touchpoints: touchpoints[aid] ?? [])
            a.version = r["version"]
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
