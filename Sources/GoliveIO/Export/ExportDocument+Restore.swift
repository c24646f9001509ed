import Foundation
import GoliveDomain
import GoliveStore

extension ExportDocument {
    /// Reads and checks an export: its format and version, and that every reference in it
    /// (playbooks, events, checkpoints, dependencies) points at something in the file.
    public static func read(path: String) throws -> ExportDocument {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FileError(file: path, reason: "no such file")
        }
        if isDir.boolValue { throw FileError(file: path, reason: "is a directory, not an export") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, reason: "cannot be read (permission denied)")
        }
        let d = JSONDecoder()
        d.keyDecodingStrategy = JSONKeys.decoding
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        let header: Header
        do { header = try d.decode(Header.self, from: data) } catch {
            throw FileError(file: path, reason: "not valid JSON (\(describe(error)))")
        }
        guard header.format == format else {
            throw FileError(file: path, reason: "not a golive export (no \"format\": \"\(format)\")")
        }
        guard header.version == currentVersion else {
            let given = header.version.map(String.init) ?? "missing"
            throw FileError(
                file: path,
                reason: "export version \(given) is not supported (this golive reads version \(currentVersion))")
        }
        let doc: ExportDocument
        do { doc = try d.decode(ExportDocument.self, from: data) } catch {
            throw FileError(file: path, reason: describe(error))
        }
        if let problem = doc.problems().first { throw FileError(file: path, reason: problem) }
        return doc
    }

    /// Everything import and the domain would refuse, each named by its JSON path: restore
    /// is as strict as import, so no export can put into a store what golive never would.
    func problems() -> [String] {
        var out: [String] = []
        func check(_ ok: Bool, _ path: String, _ problem: @autoclosure () -> String) {
            if !ok { out.append("\(path): \(problem())") }
        }
        func text(_ value: String, _ path: String, required: Bool = true) {
            check(!required || !value.trimmingCharacters(in: .whitespaces).isEmpty, path, "is empty")
            check(value.count <= Limits.nameLength, path, "is longer than \(Limits.nameLength) characters")
            check(!Limits.hasControl(value), path, "contains a control character (such as NUL or ESC)")
        }
        func day(_ value: Day, _ path: String) {
            check(Limits.contains(value), path, "\(value.iso) is outside the dates golive takes (\(Limits.dateRange))")
        }
        let playbookNames = Set(playbooks.map(\.name))
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
        var ids = Set<Int64>()
        var names = Set<String>()
        var rows: [Int64: (tasks: Set<Int64>, checkpoints: Set<Int64>)] = [:]
        for (i, a) in accounts.enumerated() {
            let at = "accounts[\(i)]"
            check(
                playbookNames.contains(a.playbook), "\(at).playbook",
                "'\(Text.inert(a.playbook))' is not among the file's playbooks")
            text(a.name, "\(at).name")
            check(names.insert(a.name).inserted, "\(at).name", "'\(Text.inert(a.name))' appears twice")
            text(a.csm, "\(at).csm")
            text(a.salesOwner, "\(at).sales_owner", required: false)
            if let e = a.escalation {
                check(!Limits.hasControl(e.reason), "\(at).escalation.reason", "contains a control character")
                if let to = e.to { text(to, "\(at).escalation.to") }
            }
            for (k, s) in a.handoff.stakeholders.enumerated() {
                text(s.name, "\(at).handoff.stakeholders[\(k)].name")
                if let c = s.contact { text(c, "\(at).handoff.stakeholders[\(k)].contact") }
            }
            for (k, h) in a.holds.enumerated() {
                let hp = "\(at).holds[\(k)]"
                text(h.reason, "\(hp).reason")
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
                if let n = h.resumeNote { text(n, "\(hp).resume_note") }
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
            for (k, st) in a.stages.enumerated() {
                check(
                    Limits.days.contains(st.slaDays), "\(at).stages[\(k)].sla_days",
                    "\(st.slaDays) is not from 0 to 3650")
            }
            let own = a.checkpoints.map(\.id) + a.tasks.map(\.id) + a.touchpoints.map(\.id) + [a.id]
            for id in own { check(ids.insert(id).inserted, at, "id \(id) is used twice") }
            let checkpointIDs = Set(a.checkpoints.map(\.id))
            let taskIDs = Set(a.tasks.map(\.id))
            rows[a.id] = (taskIDs, checkpointIDs)
            for (k, c) in a.checkpoints.enumerated() {
                text(c.name, "\(at).checkpoints[\(k)].name")
                day(c.due, "\(at).checkpoints[\(k)].due")
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
                if let o = t.outcome { text(o, "\(tp).outcome") }
                if let m = t.markedOn { day(m, "\(tp).marked_on") }
                check(t.state != .held || t.outcome != nil, "\(tp).outcome", "is missing on a held touchpoint")
            }
            for (k, t) in a.tasks.enumerated() {
                let tp = "\(at).tasks[\(k)]"
                text(t.title, "\(tp).title")
                text(t.owner, "\(tp).owner")
                day(t.due, "\(tp).due")
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
        var eventIDs = Set<Int64>()
        // Tasks deleted, or added and later taken back by an undo, are named by events but
        // gone from their account: they existed once.
        let added = Set(events.filter { $0.kind == "task.added" || $0.kind == "task.deleted" }.compactMap(\.taskID))
        for (i, e) in events.enumerated() {
            let at = "events[\(i)]"
            check(eventIDs.insert(e.id).inserted, "\(at).id", "\(e.id) appears twice")
            check(Timestamp.date(of: e.at) != nil, "\(at).at", "'\(Text.inert(String(e.at.prefix(30))))' is not a time")
            check(!e.kind.isEmpty, "\(at).kind", "is empty")
            guard let a = e.accountID else { continue }
            guard let own = rows[a] else {
                out.append("\(at).account_id: account \(a) is not in the file")
                continue
            }
            if let t = e.taskID, !own.tasks.contains(t), !added.contains(t) {
                out.append("\(at).task_id: task \(t) is not on account \(a)")
            }
            if let c = e.checkpointID, !own.checkpoints.contains(c) {
                out.append("\(at).checkpoint_id: checkpoint \(c) is not on account \(a)")
            }
        }
        if let maxID = ids.max(), nextID <= maxID {
            out.append("next_id: \(nextID) is not above the largest id \(maxID)")
        }
        return out
    }

    static func describe(_ error: Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "" : "at \(p.hasPrefix(".") ? String(p.dropFirst()) : p): "
        }
        switch e {
        case .dataCorrupted(let c):
            return "\(path(c))\(c.underlyingError.map { "\($0.localizedDescription) " } ?? "")\(c.debugDescription)"
        case .keyNotFound(let k, let c): return "\(path(c))missing field '\(k.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c))\(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// Writes the document into `store`, which must be empty, in one transaction.
    public func restore(into store: Store) throws {
        try store.write { tx in
            guard try tx.isEmpty() else {
                throw StoreError(
                    "the store \(store.path) is not empty: restore only into a new store (--store NEW_PATH)")
            }
            for p in playbooks { try tx.upsert(p) }
            for a in accounts { try tx.insert(a) }
            for e in events { try tx.insert(e) }
            try tx.setNextID(nextID)
        }
        try store.compact()
    }
}
