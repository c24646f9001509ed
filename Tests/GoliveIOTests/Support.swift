import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport

func day(_ s: String) -> Day { Day(iso: s)! }

let builtins = try! PlaybookCatalog.load(userDirectory: nil)

func describe(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch { return "\(error)" }
}

/// A store in `dir` with `accounts` accounts from the seeder (its own task counts unless
/// `tasksPerAccount`), as they stand on `asOf`.
func seededStore(
    in dir: TempDir, accounts: Int, seed: UInt64, csms: Int = 3, tasksPerAccount: Int? = nil,
    asOf: Day = day("2026-11-22"), name: String = "s.sqlite", batch: Int = 250, on kind: StoreKind = .file
) throws -> Store {
    let store = try Store(path: try kind.location(name, in: dir.path), mode: .create)
    try Operations.seed(
        Seeder(
            accounts: accounts, tasksPerAccount: tasksPerAccount, csms: csms, seed: seed, asOf: asOf, catalog: builtins),
        into: store, batch: batch)
    return store
}
