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
        // On hold no clock runs and nobody is chased: its work waits for the resume.
        if let h = a.currentHold, today >= h.from { return [] }
        if let stall = a.stall(asOf: today) {
            // A lead reading the stalled section asks what it costs: the go-live's forecast
            // and what sets it, where it slips.
            let forecast = a.goLiveForecastWords(asOf: today).map { ["\($0)"] } ?? []
            out.append(
                (
                    .stalled,
                    item(
                        nil, (stall.reasons.map(\.text) + forecast).joined(separator: "; "), stall.ballInCourt.phrase,
                        nil, "stalled \(plural(stall.days, "day"))")
                ))
        }
        for t in a.tasks where t.isOpen {
            guard let section = section(of: t, in: a, today: today) else { continue }
            let state: String
            switch section {
            case .customerWaiting:
                let waited = t.status == .waiting ? a.daysSince(t.statusSince, asOf: today) : 0
                state =
                    waited > a.thresholds.customerWaitDays
                    ? "waiting \(plural(waited, "day"))" : "\(plural(a.daysOverdue(t, asOf: today), "day")) overdue"
            default: state = overdue(a.daysPast(t.due, asOf: today))
            }
            out.append((section, item(t.lane, t.title, t.owner, t.due, state)))
        }
        for c in a.checkpoints where !c.isAchieved && a.daysPast(c.due, asOf: today) >= 0 {
            let past = a.daysPast(c.due, asOf: today)
            out.append(
                (past > 0 ? .overdue : .dueToday, item(nil, "checkpoint \(c.name)", a.csm, c.due, overdue(past))))
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
            let waited = t.status == .waiting ? a.daysSince(t.statusSince, asOf: today) : 0
            let overdue = a.daysPast(t.due, asOf: today)
            if waited > a.thresholds.customerWaitDays || overdue > a.thresholds.customerOverdueDays {
                return .customerWaiting
            }
        }
        // Due by the clock: the days of a finished hold moved the due date on.
        let past = a.daysPast(t.due, asOf: today)
        guard past >= 0 else { return nil }
        if t.lane == .approval { return .approvals }
        return past == 0 ? .dueToday : .overdue
    }

    /// "today", or how many days overdue by the clock: "3 days overdue".
    static func overdue(_ past: Int) -> String { past <= 0 ? "today" : "\(plural(past, "day")) overdue" }

    /// "today", or how long ago `day` was: "3 days overdue".
    static func when(_ day: Day, today: Day, late: String) -> String {
        day >= today ? "today" : "\(plural(today - day, "day")) \(late)"
    }
}
