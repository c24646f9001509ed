import Foundation
import GoliveDomain
import GoliveStore

/// What restore refuses, checked one account or event at a time as a streamed export is
/// read (and all at once for a whole document): each problem named by its JSON path.
/// References that may point forward (an event naming a task that a later event added or
/// deleted) are settled in `finish`.
struct ExportChecks {
    private(set) var problems: [String] = []
    private let playbookNames: Set<String>
    /// Accounts, checkpoints, tasks and touchpoints, by id.
    private var ids = IDTable()
    private var largestID: Int64?
    private var names = Set<String>()
    private var eventIDs = IDTable()
    /// Tasks deleted, or added and later taken back by an undo, are named by events but
    /// gone from their account: they existed once.
    private var added = Set<Int64>()
    private var unplaced: [(at: String, task: Int64, account: Int64)] = []

    init(playbooks: [StoredPlaybook]) {
        playbookNames = Set(playbooks.map(\.name))
        for (i, p) in playbooks.enumerated() {
            let t = p.thresholds
            for (name, v) in [
                ("amber_window_days", t.amberWindowDays), ("no_activity_days", t.noActivityDays),
                ("customer_overdue_days", t.customerOverdueDays), ("approval_pending_days", t.approvalPendingDays),
                ("customer_wait_days", t.customerWaitDays),
            ] {
                check(
                    Limits.thresholdDays.contains(v), "playbooks[\(i)].thresholds.\(name)", "\(v) is not from 0 to 365")
            }
        }
    }

    private mutating func check(_ ok: Bool, _ path: String, _ problem: @autoclosure () -> String) {
        if !ok { problems.append("\(path): \(problem())") }
    }

    /// The same rule the update function applies to what a change brings (`Limits.problem`).
    private mutating func text(
        _ value: String, _ path: String, required: Bool = true, as kind: Limits.TextKind = .name
    ) {
        check(!required || !value.trimmingCharacters(in: .whitespaces).isEmpty, path, "is empty")
        if let problem = Limits.problem(with: value, as: kind) { problems.append("\(path): \(problem)") }
    }

    private mutating func day(_ value: Day, _ path: String) {
        if let problem = Limits.problem(with: value) { problems.append("\(path): \(problem)") }
    }

    mutating func check(_ a: Account, at i: Int) {
        let at = "accounts[\(i)]"
        check(
            playbookNames.contains(a.playbook), "\(at).playbook",
            "'\(Text.inert(a.playbook))' is not among the file's playbooks")
        text(a.name, "\(at).name")
        check(names.insert(a.name).inserted, "\(at).name", "'\(Text.inert(a.name))' appears twice")
        text(a.csm, "\(at).csm")
        text(a.salesOwner, "\(at).sales_owner", required: false)
        if let e = a.escalation {
            text(e.reason, "\(at).escalation.reason", as: .text)
            text(e.by, "\(at).escalation.by")
            day(e.on, "\(at).escalation.on")
            if let to = e.to { text(to, "\(at).escalation.to") }
        }
        text(a.handoff.goals, "\(at).handoff.goals", required: false, as: .text)
        text(a.handoff.requirements, "\(at).handoff.requirements", required: false, as: .text)
        text(a.handoff.promises, "\(at).handoff.promises", required: false, as: .text)
        for (k, s) in a.handoff.stakeholders.enumerated() {
            text(s.role, "\(at).handoff.stakeholders[\(k)].role")
            text(s.name, "\(at).handoff.stakeholders[\(k)].name")
            if let c = s.contact { text(c, "\(at).handoff.stakeholders[\(k)].contact") }
        }
        for (k, h) in a.holds.enumerated() {
            let hp = "\(at).holds[\(k)]"
            text(h.reason, "\(hp).reason", as: .text)
            text(h.by, "\(hp).by")
            day(h.from, "\(hp).from")
            day(h.expectedResume, "\(hp).expected_resume")
            if let r = h.resumedOn {
                day(r, "\(hp).resumed_on")
                check(r >= h.from, "\(hp).resumed_on", "\(r.iso) is before the hold began (\(h.from.iso))")
            } else {
                // Only the last hold can still be going on.
                check(k == a.holds.count - 1, "\(hp).resumed_on", "is missing, but a later hold follows")
            }
            if let n = h.resumeNote { text(n, "\(hp).resume_note", as: .text) }
        }
        check(a.arr >= 0, "\(at).arr", "cannot be negative (\(a.arr))")
        check(a.arr <= Limits.arr.upperBound, "\(at).arr", "\(a.arr) is more than golive takes")
        day(a.contractSigned, "\(at).contract_signed")
        day(a.targetGoLive, "\(at).target_go_live")
        if let r = a.goLivePlan {
            day(r.baseline, "\(at).go_live_plan.baseline")
            check(r.moves >= 1, "\(at).go_live_plan.moves", "\(r.moves) is not a number of moves")
        }
        check(
            a.targetGoLive >= a.contractSigned, "\(at).target_go_live",
            "\(a.targetGoLive.iso) is before the contract was signed (\(a.contractSigned.iso))")
        check(
            !a.stages.isEmpty && a.stageIndex >= 0 && a.stageIndex < a.stages.count, "\(at).stage_index",
            "there is no stage \(a.stageIndex)")
        day(a.lastActivity, "\(at).last_activity")
        if let c = a.completedOn { day(c, "\(at).completed_on") }
        check(a.version >= 1, "\(at).version", "\(a.version) is not a version")
        for (k, st) in a.stages.enumerated() {
            text(st.key, "\(at).stages[\(k)].key")
            text(st.name, "\(at).stages[\(k)].name")
            if let d = st.enteredOn { day(d, "\(at).stages[\(k)].entered_on") }
            if let d = st.leftOn { day(d, "\(at).stages[\(k)].left_on") }
            check(
                Limits.days.contains(st.slaDays), "\(at).stages[\(k)].sla_days",
                "\(st.slaDays) is not from 0 to 3650")
            if let r = st.overrideReason { text(r, "\(at).stages[\(k)].override_reason", as: .text) }
        }
        let stageKeys = Set(a.stages.map(\.key))
        let own: [(Int64, IDTable.Kind)] =
            a.checkpoints.map { ($0.id, .checkpoint) } + a.tasks.map { ($0.id, .task) }
            + a.touchpoints.map { ($0.id, .touchpoint) } + [(a.id, .account)]
        for (id, kind) in own {
            check(ids.insert(id, kind, owner: a.id), at, "id \(id) is used twice")
            largestID = max(largestID ?? id, id)
        }
        let checkpointIDs = Set(a.checkpoints.map(\.id))
        let taskIDs = Set(a.tasks.map(\.id))
        for (k, c) in a.checkpoints.enumerated() {
            text(c.key, "\(at).checkpoints[\(k)].key")
            text(c.name, "\(at).checkpoints[\(k)].name")
            check(c.version >= 1, "\(at).checkpoints[\(k)].version", "\(c.version) is not a version")
            day(c.due, "\(at).checkpoints[\(k)].due")
            // A checkpoint of no stage would vanish from the plan the customer reads.
            check(
                stageKeys.contains(c.stage), "\(at).checkpoints[\(k)].stage",
                "'\(Text.inert(c.stage))' is not one of the account's stages")
            if let who = c.confirmedBy { text(who, "\(at).checkpoints[\(k)].confirmed_by") }
            if let on = c.achievedOn { day(on, "\(at).checkpoints[\(k)].achieved_on") }
            if let r = c.replan {
                day(r.baseline, "\(at).checkpoints[\(k)].replan.baseline")
                check(r.moves >= 1, "\(at).checkpoints[\(k)].replan.moves", "\(r.moves) is not a number of moves")
            }
        }
        for (k, t) in a.touchpoints.enumerated() {
            let tp = "\(at).touchpoints[\(k)]"
            text(t.objective, "\(tp).objective")
            text(t.audience, "\(tp).audience")
            text(t.channel, "\(tp).channel")
            day(t.on, "\(tp).on")
            if let o = t.outcome { text(o, "\(tp).outcome", as: .text) }
            if let m = t.markedOn { day(m, "\(tp).marked_on") }
            check(t.state != .held || t.outcome != nil, "\(tp).outcome", "is missing on a held touchpoint")
        }
        for (k, t) in a.tasks.enumerated() {
            let tp = "\(at).tasks[\(k)]"
            text(t.title, "\(tp).title")
            text(t.owner, "\(tp).owner")
            check(t.version >= 1, "\(tp).version", "\(t.version) is not a version")
            day(t.due, "\(tp).due")
            if let r = t.reason { text(r, "\(tp).reason", as: .text) }
            if let c = t.checkpointID {
                check(checkpointIDs.contains(c), "\(tp).checkpoint_id", "checkpoint \(c) is not on this account")
            }
            for d in t.dependsOn {
                check(taskIDs.contains(d), "\(tp).depends_on", "task \(d) is not on this account")
            }
            check(
                t.status.isAllowed(in: t.lane), "\(tp).status",
                "\(t.status.rawValue) is not allowed in the \(t.lane.rawValue) lane")
        }
    }

    mutating func check(_ e: Event, at i: Int) {
        if e.kind == "task.added" || e.kind == "task.deleted", let t = e.taskID { added.insert(t) }
        let at = "events[\(i)]"
        check(eventIDs.insert(e.id, .event, owner: 0), "\(at).id", "\(e.id) appears twice")
        if Timestamp.date(of: e.at) == nil {
            problems.append("\(at).at: '\(Text.inert(String(e.at.prefix(30))))' is not a time")
        } else if let d = Day(iso: e.at.prefix(10)), let problem = Limits.problem(with: d) {
            problems.append("\(at).at: \(problem)")
        }
        check(!e.kind.isEmpty, "\(at).kind", "is empty")
        // What an event keeps came through a change, under the same rule; a title's before
        // and after, a note, a reason — never a control character.
        for (field, value) in [("who", e.who), ("before", e.before), ("after", e.after), ("detail", e.detail)] {
            if let value, Limits.hasControl(value) {
                problems.append("\(at).\(field): contains a control character (such as NUL or ESC)")
            }
        }
        guard let a = e.accountID else { return }
        guard ids.contains(a, .account, owner: a) else {
            problems.append("\(at).account_id: account \(a) is not in the file")
            return
        }
        if let t = e.taskID, !ids.contains(t, .task, owner: a) {
            // Fine if some event added or deleted it: it existed once.
            unplaced.append((at, t, a))
        }
        if let c = e.checkpointID, !ids.contains(c, .checkpoint, owner: a) {
            problems.append("\(at).checkpoint_id: checkpoint \(c) is not on account \(a)")
        }
    }

    mutating func finish(nextID: Int64) {
        for u in unplaced where !added.contains(u.task) {
            problems.append("\(u.at).task_id: task \(u.task) is not on account \(u.account)")
        }
        if let largestID, nextID <= largestID {
            problems.append("next_id: \(nextID) is not above the largest id \(largestID)")
        }
    }
}
