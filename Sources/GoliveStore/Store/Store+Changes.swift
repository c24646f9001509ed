import GRDB
import GoliveDomain

extension Store {
    /// What changed on each account since the moment `at` (an event timestamp, or a day's
    /// start): the accounts with events since, each rewound to that moment and compared
    /// with now, and the accounts whose colour time alone changed (read from their facts).
    /// `then` is the day the colours before are judged on. Only `accounts`, when given.
    public func changes(
        since at: String, then: Day, today: Day, csm: String? = nil, accounts only: [Int64]? = nil
    ) throws -> [AccountChange] {
        if only?.isEmpty == true { return [] }
        // Every account's facts are let go before the priors are read (at 100,000 accounts
        // they held 100 MB through the whole comparison): what is kept is which accounts to
        // read and which changed colour with time.
        let (scope, colourChanged) = try changesScope(csm: csm, accounts: only, then: then, today: today)
        if scope?.isEmpty == true { return [] }
        let period = try read {
            try Rows.storedPriors($0, since: at, accounts: scope)
        } team: {
            try Rows.storedPriors($0, since: at, accounts: scope)
        }
        let counts = period.events
        let recolored = colourChanged.filter { counts[$0] == nil }
        let ids = Array(Set(counts.keys).union(recolored)).sorted()
        var out: [AccountChange] = []
        func mine(_ a: Account) -> Bool { csm.map { a.csm.caseInsensitiveCompare($0) == .orderedSame } ?? true }
        func change(_ before: Account?, _ now: Account) -> AccountChange? {
            AccountChange.between(before, now, then: then, today: today, events: counts[now.id] ?? 0)
        }
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            let batchIDs = Array(ids[start..<min(ids.count, start + 2_000)])
            // This batch's priors decoded on both cores, and let go with it.
            let decoded = try batchIDs.stripedMap { id in try period.decoded(of: id) }
            var batchPriors: [Int64: [Prior]] = [:]
            for (id, list) in zip(batchIDs, decoded) where !list.isEmpty { batchPriors[id] = list }
            let priors = batchPriors
            let batch = try changeViews(ids: batchIDs, priors: priors).filter(mine)
            // Each account rewound and compared on whichever core has it; nil for one whose
            // view cannot stand for it then.
            let compared = try batch.stripedMap { now -> Compared in
                let before = try now.rewound(through: priors[now.id] ?? [])
                guard before.map({ now.stands(for: $0) }) ?? true else { return .leftHandoff(now.id) }
                return .change(change(before, now))
            }
            out += compared.compactMap(\.change)
            // An account that left Handoff is its view with the handoff record put back (all
            // its view leaves out for the rules then): reading these whole was a sixth of a
            // week at 100,000 accounts.
            let left = compared.compactMap(\.leftHandoff)
            let handoffs = try read {
                try Rows.handoffs($0, ids: left)
            } team: {
                try Rows.handoffs($0, ids: left)
            }
            let restored = batch.compactMap { view -> Account? in
                guard let handoff = handoffs[view.id] else { return nil }
                var now = view
                now.handoff = handoff
                return now
            }
            out += try restored.stripedMap(minimumPerStripe: 16) { now in
                change(try now.rewound(through: priors[now.id] ?? []), now)
            }.compactMap { $0 }
        }
        return out.sorted { $0.id < $1.id }
    }

    /// The accounts whose events are to be read (nil: every account's, in one pass) and, of
    /// those the report covers, the ones whose colour differs between `then` and `today`.
    private func changesScope(csm: String?, accounts only: [Int64]?, then: Day, today: Day) throws -> (
        scope: [Int64]?, colourChanged: [Int64]
    ) {
        var facts = try self.facts(ids: only)
        var scope = only
        if let csm {
            let every = facts.count
            facts = facts.filter { $0.csm.caseInsensitiveCompare(csm) == .orderedSame }
            if facts.isEmpty { return ([], []) }
            // One CSM's accounts are found through their own events' index instead of every
            // account's events in the period being read and most of them let go: `m` on the
            // Changes screen, `report changes --csm`. Most of the portfolio is read in one pass.
            if scope == nil && facts.count * 2 < every { scope = facts.map(\.id) }
        }
        let changed = facts.filter { f in
            f.rag(strip: f.strip(asOf: then), asOf: then) != f.rag(strip: f.strip(asOf: today), asOf: today)
        }
        return (scope, changed.map(\.id))
    }

    private enum Compared {
        case change(AccountChange?)
        /// The account left Handoff: it is compared with its handoff record put back.
        case leftHandoff(Int64)

        var change: AccountChange? {
            if case .change(let c) = self { return c }
            return nil
        }

        var leftHandoff: Int64? {
            if case .leftHandoff(let id) = self { return id }
            return nil
        }
    }

    /// What the comparison of then and now reads of each account: its rule view (its
    /// unfinished work, kept packed: one row, where the whole account is some seventy), with
    /// the tasks the period's changes touched that it leaves out (finished since), so that
    /// both the rules and the work done compare as on the whole account. At 10,000 accounts
    /// a week touches 7,500 of them: reading them whole was most of the screen's time.
    private func changeViews(ids: [Int64], priors: [Int64: [Prior]]) throws -> [Account] {
        var views = try ruleViews(ids: ids)
        var missing: [Int64: OnboardingTask] = [:]
        for v in views {
            let present = Set(v.tasks.map(\.id))
            for p in priors[v.id] ?? [] {
                for t in p.tasks where !present.contains(t.id) { missing[t.id] = t }
            }
        }
        let extra = try read {
            try Rows.finishedTasks(.sqlite($0), asKeptIn: missing)
        } team: {
            try Rows.finishedTasks(.postgres($0), asKeptIn: missing)
        }
        for i in views.indices {
            guard let more = extra[views[i].id] else { continue }
            views[i].tasks = (views[i].tasks + more).sorted { $0.id < $1.id }
        }
        return views
    }

    /// One seek in the index of reviews by who and when, however many events there are.
    static let lastReviewSQL =
        "SELECT max(at) FROM events WHERE kind = 'account.reviewed' AND who = ? AND account_id IS NOT NULL"

    /// When `user` last marked an account reviewed (an event timestamp), if ever.
    public func lastReview(by user: String) throws -> String? {
        try read {
            try String.fetchOne($0, sql: Store.lastReviewSQL, arguments: [user])
        } team: {
            try $0.column(Store.lastReviewSQL, [user], as: String?.self).first ?? nil
        }
    }
}

extension Account {
    /// Whether this rule view, rewound to `before`, is what the whole account rewound would
    /// give the rules: a view keeps the handoff record only while the account is in Handoff,
    /// so one that left Handoff in the period lacks the record it had then.
    func stands(for before: Account) -> Bool {
        !(before.isActive && before.stage.key == "handoff") || (isActive && stage.key == "handoff")
    }
}
