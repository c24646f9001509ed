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
            (required), target go-live and sales owner (optional). A CSM is read as --csm reads \
            one ('ana' is the store's Ana Souza); a name that fits no CSM is a new one. All or \
            nothing: one bad row imports nothing and names its line and column.
            """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"), completion: .file(extensions: ["csv"]))
    var file: String
    @Option(help: "Apply this playbook to every account (default: by segment).", completion: Completions.playbooks)
    var playbook: String?
    @Flag(name: .customLong("dry-run"), help: "Check everything, write nothing.") var dryRun = false

    func run() throws {
        // Today is --as-of's day when given: importing as of a past day refuses what was signed after it.
        let read = try CSVImport.read(path: file, today: try common.today())
        let catalog = try common.catalog()
        let path = try common.storePath()
        if let p = playbook, catalog.playbook(named: p) == nil {
            throw UsageProblem("unknown playbook '\(Text.inert(p))' (see `golive playbook list`)")
        }
        if dryRun && !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path) {
            say(plan(read, catalog), terminator: "")
            say("dry run: would import \(plural(read.count, "account")) into a new store at \(path)")
            return
        }
        let store = try common.open(dryRun ? .readWrite : .create)
        // "ana" in the file is the Ana Souza the store has, as `--csm ana` is.
        let rows = try CSVImport.namingCSMs(read, as: try store.csms(), file: file)
        if dryRun { say(plan(rows, catalog), terminator: "") }
        let accounts = try Operations.importAccounts(
            rows, file: file, catalog: catalog, playbook: playbook, into: store,
            who: try common.who(), now: try common.clock()(), today: try common.today(), dryRun: dryRun)
        let byPlaybook = Dictionary(grouping: accounts, by: \.playbook).map { "\($0.value.count) on \($0.key)" }
            .sorted()
        let done = dryRun ? "dry run: would import" : "imported"
        say("\(done) \(plural(accounts.count, "account")) into \(store.path) (\(byPlaybook.joined(separator: ", ")))")
    }

    /// What a dry run shows: each account that would be made, its playbook, and every value
    /// read as something other than what the file says, one a line (never cut).
    func plan(_ rows: [CSVImport.Row], _ catalog: PlaybookCatalog) -> String {
        var out = ""
        for r in rows {
            let p = playbook.flatMap(catalog.playbook(named:)) ?? catalog.defaultPlaybook(for: r.info.segment)
            var notes = r.normalised
            if r.info.salesOwner.isEmpty { notes.append("sales owner (none) → Sales") }
            if r.info.targetGoLive == nil {
                var next: Int64 = 1
                var info = r.info
                info.planStart = try? common.today()
                let goLive = p.apply(to: info, nextID: &next).targetGoLive
                notes.append("target go-live (none) → \(goLive.iso), from the playbook")
            }
            out += "line \(r.line): \(Text.inert(r.info.name)) — \(r.info.segment.rawValue), "
            out += "\(Money.short(r.info.arr)), CSM \(Text.inert(r.info.csm)), playbook \(p.name)\n"
            for n in notes { out += "    " + Text.inert(n) + "\n" }
        }
        return out
    }
}
