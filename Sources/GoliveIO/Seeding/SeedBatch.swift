import Foundation
import GoliveDomain
import GoliveStore

/// One batch of seeded accounts, made ahead of its writing.
struct SeedBatch: Sendable {
    var accounts: [Account]
    /// Their events in time order across the batch, like a real history.
    var events: [PreparedEvent]
    /// The next free id after the batch.
    var next: Int64

    static func make(_ seeder: Seeder, from: Int, to: Int, nextID: Int64) -> Result<SeedBatch, any Error> {
        Result {
            var next = nextID
            var accounts: [Account] = []
            var events: [Event] = []
            for i in from..<to {
                let (account, evs) = seeder.account(i, nextID: &next)
                accounts.append(account)
                events += evs
            }
            let ordered = events.sorted { $0.at < $1.at }
            return SeedBatch(accounts: accounts, events: ordered.stripedMap(PreparedEvent.init), next: next)
        }
    }

    /// The next batch, made on another thread: `result` is read after `group` is waited for.
    final class Ahead: @unchecked Sendable {
        let group = DispatchGroup()
        var result: Result<SeedBatch, any Error>?
    }
}
