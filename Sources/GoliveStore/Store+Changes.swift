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
        let (priors, counts) = try read { db in try Rows.priors(db, since: at, accounts: only) }
        let recolored = try facts(ids: only).filter { f in
            counts[f.id] == nil
                && f.rag(strip: f.strip(asOf: then), asOf: then) != f.rag(strip: f.strip(asOf: today), asOf: today)
        }.map(\.id)
        let ids = Array(Set(counts.keys).union(recolored)).sorted()
        var out: [AccountChange] = []
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            let batch = try accounts(ids: Array(ids[start..<min(ids.count, start + 2_000)])).filter { now in
                csm.map { now.csm.caseInsensitiveCompare($0) == .orderedSame } ?? true
            }
            // Each account rewound and compared on whichever core has it.
            out += try batch.stripedMap { now -> AccountChange? in
                let before = try now.rewound(through: priors[now.id] ?? [])
                return AccountChange.between(before, now, then: then, today: today, events: counts[now.id] ?? 0)
            }
            .compactMap { $0 }
        }
        return out
    }

    /// When `user` last marked an account reviewed (an event timestamp), if ever.
    public func lastReview(by user: String) throws -> String? {
        try read { db in
            try String.fetchOne(
                db,
                sql:
                    "SELECT max(at) FROM events WHERE kind = 'account.reviewed' AND account_id IS NOT NULL AND who = ?",
                arguments: [user])
        }
    }
}
