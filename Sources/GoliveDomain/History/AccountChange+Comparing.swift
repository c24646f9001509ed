extension AccountChange {
    /// The account `before` (nil: not there yet) against `after`, colours judged on `then`
    /// and `today`; nil when nothing a lead would read about changed.
    public static func between(_ before: Account?, _ after: Account, then: Day, today: Day, events: Int)
        -> AccountChange?
    {
        let now = after.status(asOf: today)
        var c = AccountChange(
            id: after.id, name: after.name, csm: after.csm, segment: after.segment, arr: after.arr,
            isNew: before == nil, ragBefore: before?.status(asOf: then).rag, ragNow: now.rag,
            reasons: now.rag == .green ? [] : now.reasons.map(\.text),
            stageBefore: before.map(\.stageTitle), stageNow: after.stageTitle, slips: [], escalations: [], holds: [],
            tasksDone: [], approvals: [], events: events)
        guard let before else { return c }
        c.slips = slips(before, after)
        c.escalations = escalations(before, after)
        c.holds = holds(before, after)
        for t in after.tasks where t.status.isFinished || t.status == .rejected {
            let was = before.task(t.id)
            guard was?.status != t.status else { continue }
            switch t.status {
            case .approved: c.approvals.append("approved: '\(t.title)'")
            case .rejected: c.approvals.append("rejected: '\(t.title)'" + (t.reason.map { " (\($0))" } ?? ""))
            case .done: c.tasksDone.append("'\(t.title)'")
            default: break
            }
        }
        let said = c.ragChanged || c.stageChanged || !c.lines.isEmpty
        return said ? c : nil
    }

    static func slips(_ before: Account, _ after: Account) -> [String] {
        var out: [String] = []
        func moved(_ what: String, _ from: Day, _ to: Day) -> String {
            let days = to - from
            return "\(what) \(from.iso) → \(to.iso) (\(days > 0 ? "+" : "")\(days) d)"
        }
        if before.goLive != after.goLive { out.append(moved("go-live", before.goLive, after.goLive)) }
        for c in after.checkpoints where c.milestone != .goLive {
            guard let was = before.checkpoint(c.id), was.due != c.due else { continue }
            out.append(moved("'\(c.name)'", was.due, c.due))
        }
        let later = after.tasks.compactMap { t -> Int? in
            guard t.isOpen, let was = before.task(t.id), t.due > was.due else { return nil }
            return t.due - was.due
        }
        if let most = later.max() {
            out.append("\(plural(later.count, "task")) due later (up to +\(most) d)")
        }
        return out
    }

    static func escalations(_ before: Account, _ after: Account) -> [String] {
        switch (before.escalation, after.escalation) {
        case (nil, let e?):
            return ["escalated by \(e.by)" + (e.to.map { " to \($0)" } ?? "") + ": \(e.reason)"]
        case (_?, nil):
            return ["escalation resolved"]
        case (let a?, let b?) where a != b:
            return ["escalated again by \(b.by): \(b.reason)"]
        default:
            return []
        }
    }

    static func holds(_ before: Account, _ after: Account) -> [String] {
        switch (before.currentHold, after.currentHold) {
        case (nil, let h?): return ["on hold: \(h.reason) (resume expected \(h.expectedResume.iso))"]
        case (_?, nil): return ["resumed from hold"]
        default: return []
        }
    }
}

extension Account {
    /// The stage's name, or "Completed" once the last stage was left.
    public var stageTitle: String { isActive ? stage.name : "Completed" }
}
