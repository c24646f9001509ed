import Foundation
import GoliveDomain
import GoliveStore

/// The store-changing commands other than user actions, each all-or-nothing.
public enum Operations {
    /// Seeds an empty store, in batches so a large portfolio shows progress and keeps each
    /// transaction short, then compacts it unless `compact` is false (a store being built
    /// is compacted as it is copied into place). Returns the number of accounts written.
    @discardableResult
    public static func seed(
        _ seeder: Seeder, into store: Store, batch: Int = 250, compact: Bool = true,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Int {
        guard seeder.accounts > 0 else { return 0 }
        // Each batch is made (accounts, their history, its priors as JSON on every core)
        // while the one before is written: the ids run on from batch to batch, so the making
        // stays in order on one thread, and the portfolio is the same as made one by one.
        let queue = DispatchQueue(label: "golive.seed")
        var ahead = SeedBatch.make(seeder, from: 0, to: min(seeder.accounts, batch), nextID: try store.nextID())
        var done = 0
        while done < seeder.accounts {
            let made = try ahead.get()
            let upTo = min(seeder.accounts, done + batch)
            let following = SeedBatch.Ahead()
            if upTo < seeder.accounts {
                queue.async(group: following.group) {
                    following.result = SeedBatch.make(
                        seeder, from: upTo, to: min(seeder.accounts, upTo + batch), nextID: made.next)
                }
            }
            do {
                try store.write { tx in
                    if done == 0 {
                        guard try tx.isEmpty() else {
                            throw StoreError(
                                "the store \(store.path) is not empty: seed a new store (--store NEW_PATH)")
                        }
                        for e in seeder.catalog.entries {
                            try tx.upsert(
                                StoredPlaybook(
                                    name: e.playbook.name, title: e.playbook.title, thresholds: e.playbook.thresholds))
                        }
                    }
                    for a in made.accounts { try tx.insert(a) }
                    for e in made.events { try tx.insert(e) }
                    try tx.setNextID(made.next)
                }
            } catch {
                following.group.wait()
                throw error
            }
            following.group.wait()
            done = upTo
            progress(done, seeder.accounts)
            if let r = following.result { ahead = r }
        }
        if compact { try store.compact() }
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
