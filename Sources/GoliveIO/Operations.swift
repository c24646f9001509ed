import Foundation
import GoliveDomain
import GoliveStore

/// The store-changing commands other than user actions, each all-or-nothing.
public enum Operations {
    /// Seeds an empty store, in batches so a large portfolio shows progress and keeps each
    /// transaction short. Returns the number of accounts written.
    @discardableResult
    public static func seed(
        _ seeder: Seeder, into store: Store, batch: Int = 250,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Int {
        var done = 0
        while done < seeder.accounts {
            let upTo = min(seeder.accounts, done + batch)
            try store.write { tx in
                if done == 0 {
                    guard try tx.isEmpty() else {
                        throw StoreError("the store \(store.path) is not empty: seed a new store (--store NEW_PATH)")
                    }
                    for e in seeder.catalog.entries {
                        try tx.upsert(
                            StoredPlaybook(
                                name: e.playbook.name, title: e.playbook.title, thresholds: e.playbook.thresholds))
                    }
                }
                var next = try tx.nextID()
                var events: [Event] = []
                for i in done..<upTo {
                    let (account, evs) = seeder.account(i, nextID: &next)
                    try tx.insert(account)
                    events += evs
                }
                // Events in time order across the batch, like a real history.
                for e in events.sorted(by: { $0.at < $1.at }) { try tx.insert(e) }
                try tx.setNextID(next)
            }
            done = upTo
            progress(done, seeder.accounts)
        }
        try store.compact()
        return done
    }

    /// Imports accounts from a CSV export, applying each one's playbook. One transaction:
    /// an account that already exists refuses the whole file.
    public static func importAccounts(
        _ rows: [CSVImport.Row], file: String, catalog: PlaybookCatalog, playbook: String?,
        into store: Store, who: String, now: Date = Date(), today: Day? = nil, dryRun: Bool = false
    ) throws -> [Account] {
        if let playbook, catalog.playbook(named: playbook) == nil {
            throw StoreError("unknown playbook '\(playbook)' (see `golive playbook list`)")
        }
        final class Box: @unchecked Sendable { var accounts: [Account] = [] }
        let box = Box()
        let body = { (tx: Transaction) throws in
            var next = try tx.nextID()
            let stamp = Timestamp.string(now)
            for r in rows {
                if try tx.accountID(named: r.info.name) != nil {
                    throw FileError(
                        file: file, line: r.line, reason: "account '\(Text.inert(r.info.name))' is already in the store"
                    )
                }
                let p = playbook.flatMap(catalog.playbook(named:)) ?? catalog.defaultPlaybook(for: r.info.segment)
                try tx.upsert(StoredPlaybook(name: p.name, title: p.title, thresholds: p.thresholds))
                var info = r.info
                if info.salesOwner.isEmpty { info.salesOwner = "Sales" }
                // Its arrival is activity, and its plan starts then: a new account is not
                // late, nor stalled, on its first day.
                let arrival = today ?? Timestamp.day(of: stamp) ?? info.contractSigned
                info.planStart = arrival
                var a = p.apply(to: info, nextID: &next)
                a.lastActivity = max(a.contractSigned, arrival)
                try tx.insert(a)
                try tx.insert(
                    Event(
                        at: stamp, who: who, accountID: a.id, kind: "account.created", after: a.name,
                        detail: "imported from \((file as NSString).lastPathComponent) with playbook \(p.name)",
                        prior: Prior(created: true)))
                box.accounts.append(a)
            }
            try tx.setNextID(next)
            if dryRun { throw DryRun() }
        }
        do { try store.write(body) } catch is DryRun {}
        return box.accounts
    }

    /// Thrown to roll a dry run back after every check has run.
    struct DryRun: Error {}
}
