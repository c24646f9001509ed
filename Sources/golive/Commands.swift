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
    }

    func run() throws {
        let catalog = try common.catalog()
        let store = try common.open(.create)
        let seeder = Seeder(
            accounts: accounts, tasksPerAccount: tasksPerAccount, csms: csms, seed: seed,
            asOf: try common.today(), catalog: catalog)
        let bar = ProgressBar(label: "seeding")
        let start = Date()
        try Operations.seed(seeder, into: store) { done, total in bar.update(done, of: total) }
        bar.finish()
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        print("seeded \(accounts) accounts into \(store.path) in \(seconds) s")
    }
}

/// A progress bar on standard error, only when it is a terminal and the work takes more
/// than a moment (scripts and CI see nothing).
final class ProgressBar {
    let label: String
    let enabled = isatty(2) == 1
    let start = Date()
    var shown = false
    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        guard enabled, Date().timeIntervalSince(start) > 0.3 else { return }
        shown = true
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
    }

    func finish() { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a report: stalled, overdue, metrics or portfolio.",
        discussion: "Formats: table (default), json, csv, markdown (a weekly status report).")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("stalled | overdue | metrics | portfolio", valueName: "kind")) var kind: String
    @Option(help: "table | json | csv | markdown") var format: String = "table"
    @Option(help: "Only this CSM's accounts.") var csm: String?

    func validate() throws {
        _ = try parsed()
    }

    /// The report and format the arguments name, or a message listing the ones there are.
    private func parsed() throws -> (ReportKind, ReportFormat) {
        guard let report = ReportKind(rawValue: kind) else {
            let known = ReportKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown report '\(Text.inert(kind))' (expected \(known))")
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown format '\(Text.inert(format))' (expected \(known))")
        }
        return (report, reportFormat)
    }

    func run() throws {
        let (report, reportFormat) = try parsed()
        let store = try common.open(.readOnly)
        let today = try common.today()
        let reports = try Reports.read(report, from: store, today: today, csm: csm)
        print(try reports.render(report, as: reportFormat), terminator: "")
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import accounts from a CRM's closed-won CSV export.",
        discussion: """
            Columns are matched by header: account name, CSM, segment, ARR, contract signed \
            (required), target go-live and sales owner (optional). All or nothing: one bad \
            row imports nothing and names its line and column.
            """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @Option(help: "Apply this playbook to every account (default: by segment).") var playbook: String?
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
            who: common.who(), dryRun: dryRun)
        let byPlaybook = Dictionary(grouping: accounts, by: \.playbook).map { "\($0.value.count) on \($0.key)" }
            .sorted()
        let done = dryRun ? "dry run: would import" : "imported"
        print("\(done) \(accounts.count) accounts into \(store.path) (\(byPlaybook.joined(separator: ", ")))")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export everything, events included, as JSON.")

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        let store = try common.open(.readOnly)
        let data = try ExportDocument.make(from: store).json()
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data) else {
                throw UsageProblem("cannot write \(output)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Restore a JSON export into a new, empty store.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The export file.", valueName: "file.json")) var file: String

    func run() throws {
        let doc = try ExportDocument.read(path: file)
        let store = try common.open(.create)
        try doc.restore(into: store)
        print("restored \(doc.accounts.count) accounts and \(doc.events.count) events into \(store.path)")
    }
}

struct PlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook", abstract: "List, show and check playbooks.",
        subcommands: [List.self, Show.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the playbooks available.")
        @OptionGroup var common: CommonOptions
        func run() throws {
            let table = TextTable(
                columns: ["name", "title", "stages", "checkpoints", "tasks", "source"], rightAligned: [2, 3, 4],
                rows: try common.catalog().entries.map { e in
                    [
                        e.playbook.name, e.playbook.title, "\(e.playbook.stages.count)",
                        "\(e.playbook.checkpoints.count)",
                        "\(e.playbook.tasks.count)", e.source,
                    ]
                })
            print(table.text(), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one playbook: stages, checkpoints, lanes, touchpoints.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The playbook's name.") var name: String
        func run() throws {
            guard let p = try common.catalog().playbook(named: name) else {
                throw UsageProblem("unknown playbook '\(Text.inert(name))' (see `golive playbook list`)")
            }
            print(PlaybookText.describe(p), terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a playbook file; a problem is named with its file and line.")
        @Argument(help: ArgumentHelp("The YAML file.", valueName: "file.yaml")) var file: String
        func run() throws {
            let p = try PlaybookFile.load(path: file)
            let parts = [
                "\(p.stages.count) stages", "\(p.checkpoints.count) checkpoints", "\(p.tasks.count) tasks",
                "\(p.touchpoints.count) touchpoints",
            ]
            print("\(file): ok — playbook '\(p.name)': " + parts.joined(separator: ", "))
        }
    }
}

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the version and the paths in use.")
    @OptionGroup var common: CommonOptions
    func run() throws {
        let p = common.paths
        let path = common.storePath()
        let exists = FileManager.default.fileExists(atPath: path)
        print(
            """
            golive \(Golive.version)
            store:      \(path)\(exists ? "" : " (not created yet)")
            demo store: \(p.demoStore)
            config:     \(p.configDirectory)
            playbooks:  \(p.playbookDirectory)
            themes:     \(p.themeDirectory)
            keys:       \(p.keysFile)
            today:      \(try common.today().iso)
            user:       \(common.who())
            """)
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "List and check themes.", subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the themes available.")
        @OptionGroup var common: CommonOptions
        func run() throws {
            let themes = ThemeCatalog(userDirectory: common.paths.themeDirectory).list()
            print(
                TextTable(columns: ["name", "file"], rows: themes.map { [$0.name, $0.path] }).text(), terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a theme file; a problem is named with its file and line.")
        @Argument(help: ArgumentHelp("The YAML file.", valueName: "file.yaml")) var file: String
        func run() throws {
            let t = try ThemeFile.load(path: file)
            print("\(file): ok — theme '\(t.name)'")
        }
    }
}
