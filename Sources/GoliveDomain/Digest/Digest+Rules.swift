extension Digest {
    /// An account whose colour got worse (a new one that is not green counts): its line, or
    /// nil when it did not.
    static func turned(_ c: AccountChange) -> Item? {
        guard c.ragNow != .green, c.isNew || c.ragNow > (c.ragBefore ?? .green) else { return nil }
        let from = c.isNew ? "new" : (c.ragBefore ?? .green).rawValue
        return Item(
            accountID: c.id, account: c.name, csm: c.csm, what: c.reasons.joined(separator: "; "), who: c.csm,
            state: "\(from) → \(c.ragNow.rawValue)")
    }

    /// Where each of an active account's open work, planned touchpoints and stall go in the
    /// digest of `today`.
    static func items(of a: Account, today: Day) -> [(Section, Item)] {
        var out: [(Section, Item)] = []
        func item(_ lane: Lane?, _ what: String, _ who: String, _ day: Day?, _ state: String) -> Item {
            Item(accountID: a.id, account: a.name, csm: a.csm, lane: lane, what: what, who: who, day: day, state: state)
        }
        if let stall = a.stall(asOf: today) {
            out.append(
                (
                    .stalled,
                    item(
                        nil, stall.reasons.map(\.text).joined(separator: "; "), stall.ballInCourt.phrase, nil,
                        "stalled \(plural(stall.days, "day"))")
                ))
        }
        for t in a.tasks where t.isOpen {
            guard let section = section(of: t, in: a, today: today) else { continue }
            let state: String
            switch section {
            case .customerWaiting:
                let waited = t.status == .waiting ? today - t.statusSince : 0
                state =
                    waited > a.thresholds.customerWaitDays
                    ? "waiting \(plural(waited, "day"))" : "\(plural(t.daysOverdue(asOf: today), "day")) overdue"
            default: state = when(t.due, today: today, late: "overdue")
            }
            out.append((section, item(t.lane, t.title, t.owner, t.due, state)))
        }
        for c in a.checkpoints where !c.isAchieved && c.due <= today {
            let section: Section = c.due < today ? .overdue : .dueToday
            out.append(
                (section, item(nil, "checkpoint \(c.name)", a.csm, c.due, when(c.due, today: today, late: "overdue"))))
        }
        for t in a.touchpoints where t.state == nil && t.on <= today {
            let state =
                t.on == today
                ? "today, \(t.channel)" : "\(when(t.on, today: today, late: "ago")), not marked held or missed"
            out.append((.touchpoints, item(nil, t.objective, t.audience, t.on, state)))
        }
        return out
    }

    /// The section an open task belongs to on `today`, or nil when it needs no one yet: a
    /// customer task past its SLA (waiting longer than the playbook allows, or overdue by
    /// more than the stalled rule's limit) before anything else, then an approval due, then
    /// work due today or overdue.
    static func section(of t: OnboardingTask, in a: Account, today: Day) -> Section? {
        if t.lane == .customer {
            let waited = t.status == .waiting ? today - t.statusSince : 0
            let overdue = today - a.clockDue(t.due)
            if waited > a.thresholds.customerWaitDays || overdue > a.thresholds.customerOverdueDays {
                return .customerWaiting
            }
        }
        guard t.due <= today else { return nil }
        if t.lane == .approval { return .approvals }
        return t.due == today ? .dueToday : .overdue
    }

    /// "today", or how long ago `day` was: "3 days overdue".
    static func when(_ day: Day, today: Day, late: String) -> String {
        day >= today ? "today" : "\(plural(today - day, "day")) \(late)"
    }
}
