import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

@main
struct Golive: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "golive",
        abstract: "A Customer Success Manager's onboarding portfolio on one board.",
        discussion: "Without a subcommand, golive opens the board.",
        version: version,
        subcommands: [Board.self, Seed.self, Report.self, Import.self, Export.self, Restore.self, PlaybookCommand.self, Info.self],
        defaultSubcommand: Board.self)

    /// Runs the command and turns every failure a user can cause into one line on
    /// standard error and a non-zero exit, never a stack trace.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as UsageProblem {
            fail(e.description)
        } catch let e as FileError {
            fail(e.description)
        } catch let e as StoreError {
            fail(e.description)
        } catch let e as Refusal {
            fail(e.description)
        } catch {
            exit(withError: error)
        }
    }

    static func fail(_ message: String) -> Never {
        printError("golive: " + Text.inert(message))
        Foundation.exit(1)
    }
}

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the board (the default).")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Use the demo store, seeded on first use with a sample portfolio.")
    var demo = false

    func run() throws {
        let store = try openBoardStore(common, demo: demo)
        let today = try common.today()
        let accounts = try store.accounts()
        let statuses = accounts.filter(\.isActive).map { $0.status(asOf: today).rag }
        print("golive \(Golive.version) — \(store.path)")
        print("\(accounts.count) accounts: \(statuses.filter { $0 == .red }.count) red, \(statuses.filter { $0 == .amber }.count) amber, "
              + "\(statuses.filter { $0 == .green }.count) green, \(accounts.filter { $0.stall(asOf: today) != nil }.count) stalled")
        print("The full-screen board is not built yet; `golive report portfolio` shows the same accounts.")
    }
}

/// The board's store: the demo store (seeded on first use) or the user's, created empty.
func openBoardStore(_ common: CommonOptions, demo: Bool) throws -> Store {
    let catalog = try common.catalog()
    let store = try common.open(.create, demo: demo)
    if try demo && store.accounts().isEmpty {
        let seeder = Seeder(accounts: 30, tasksPerAccount: nil, csms: 4, seed: 2026, asOf: try common.today(), catalog: catalog)
        try Operations.seed(seeder, into: store)
    }
    return store
}
