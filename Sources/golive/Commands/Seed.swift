import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Seed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a new store with a deterministic synthetic portfolio.",
        discussion: "The same --seed and --as-of always give the same portfolio (and the same export).")

    @OptionGroup var common: CommonOptions
    @Option(help: "How many accounts.") var accounts: Int
    @Option(name: .customLong("tasks-per-account"), help: "Tasks per account (default: the playbook's own).")
    var tasksPerAccount: Int?
    @Option(help: "How many CSMs share the portfolio.") var csms: Int = 4
    @Option(help: "The random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard accounts >= 1 else { throw ValidationError("--accounts must be at least 1 (got \(accounts))") }
        guard accounts <= 1_000_000 else {
            throw ValidationError("--accounts must be at most 1000000 (got \(accounts))")
        }
        if let t = tasksPerAccount, !(1...1000).contains(t) {
            throw ValidationError("--tasks-per-account must be between 1 and 1000 (got \(t))")
        }
        guard csms >= 1 else { throw ValidationError("--csms must be at least 1 (got \(csms))") }
        guard csms <= 10_000 else { throw ValidationError("--csms must be at most 10000 (got \(csms))") }
    }

    func run() throws {
        let catalog = try common.catalog()
        var seeder = Seeder(
            accounts: accounts, tasksPerAccount: tasksPerAccount, csms: csms, seed: seed,
            asOf: try common.today(), catalog: catalog)
        seeder.notAfter = Timestamp.string(Date())
        let bar = ProgressBar(label: "seeding")
        let start = Date()
        let path = try common.storePath()
        var shown = path
        // A new store is built whole beside its place and moved in when complete: all or
        // nothing, and a third of the time. An empty store already there is filled in place.
        if Store.canBuild(at: path) {
            _ = try Store.build(at: path) { store in
                try Operations.seed(seeder, into: store, compact: false) { done, total in bar.update(done, of: total) }
            }
        } else {
            // A team store on PostgreSQL is filled in one transaction per batch, as a file is.
            let store = try common.open(.create)
            shown = store.path
            try Operations.seed(seeder, into: store) { done, total in bar.update(done, of: total) }
        }
        bar.finish()
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        say("seeded \(plural(accounts, "account")) into \(shown) in \(seconds) s")
    }
}
