import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import accounts from a CRM's closed-won CSV export.",
        discussion: """
            Columns are matched by header: account name, CSM, segment, ARR, contract signed \
            (required), target go-live and sales owner (optional). All or nothing: one bad \
            row imports nothing and names its line and column.
            """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"), completion: .file(extensions: ["csv"]))
    var file: String
    @Option(help: "Apply this playbook to every account (default: by segment).", completion: Completions.playbooks)
    var playbook: String?
    @Flag(name: .customLong("dry-run"), help: "Check everything, write nothing.") var dryRun = false

    func run() throws {
        let rows = try CSVImport.read(path: file)
        let catalog = try common.catalog()
        let path = common.storePath()
        if dryRun && !FileManager.default.fileExists(atPath: path) {
            if let p = playbook, catalog.playbook(named: p) == nil {
                throw UsageProblem("unknown playbook '\(p)' (see `golive playbook list`)")
            }
            print("dry run: would import \(rows.count) accounts into a new store at \(path)")
            return
        }
        let store = try common.open(dryRun ? .readWrite : .create)
        let accounts = try Operations.importAccounts(
            rows, file: file, catalog: catalog, playbook: playbook, into: store,
            who: try common.who(), dryRun: dryRun)
        let byPlaybook = Dictionary(grouping: accounts, by: \.playbook).map { "\($0.value.count) on \($0.key)" }
            .sorted()
        let done = dryRun ? "dry run: would import" : "imported"
        print("\(done) \(accounts.count) accounts into \(store.path) (\(byPlaybook.joined(separator: ", ")))")
    }
}
