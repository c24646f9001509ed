import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

@main
struct Golive: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "golive",
        abstract: "A Customer Success Manager's onboarding portfolio on one board.",
        discussion: "Without a subcommand, golive opens the board.",
        version: version,
        subcommands: [
            Board.self, Seed.self, Report.self, Import.self, Export.self, Restore.self, PlaybookCommand.self,
            ThemeCommand.self, Info.self,
        ],
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
    static let configuration = CommandConfiguration(
        abstract: "Open the board (the default).",
        discussion: "Without a terminal (a pipe or a file), prints the board once as text.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Use the demo store, seeded on first use with a sample portfolio.")
    var demo = false

    @Option(help: ArgumentHelp("A theme name or file (env GOLIVE_THEME; `golive theme list`).", valueName: "name|path"))
    var theme: String?

    @Flag(
        name: .customLong("read-only"),
        help: "Look without changing anything (also automatic for a store you cannot write).")
    var readOnly = false

    @Option(help: ArgumentHelp("Open on this screen: board, stalled, agenda or metrics.", valueName: "screen"))
    var view: String = "board"

    /// The screens `--view` names.
    static let screens: [String: Screen] = [
        "board": .board, "stalled": .stalled, "agenda": .agenda, "metrics": .metrics,
    ]

    func validate() throws {
        guard Self.screens[view] != nil else {
            throw ValidationError(
                "--view '\(Text.inert(view))' is not a screen (expected board, stalled, agenda or metrics)")
        }
    }

    func run() throws {
        let paths = common.paths
        // Everything a user may have got wrong is checked before the terminal is taken.
        let keys = try KeyTable.load(path: paths.keysFile)
        let themeName = theme ?? common.environment["GOLIVE_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let chosen = try ThemeCatalog(userDirectory: paths.themeDirectory).theme(themeName)
        // A store this user cannot write opens read-only rather than not at all.
        let path = common.storePath(demo: demo)
        let unwritable =
            FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path)
        let store =
            readOnly || unwritable ? try common.open(.readOnly, demo: demo) : try openBoardStore(common, demo: demo)
        let today = try common.today()
        let unicode = Locale.isUTF8(common.environment)
        var state = AppState(
            try Session.snapshot(store, user: common.who()), today: today, user: common.who(), readOnly: store.readOnly,
            keys: keys, screen: Self.screens[view] ?? .board)
        if view == "stalled" { state.stalledSelected = state.stalledOrder.first }
        if unwritable && !readOnly {
            state.status = StatusLine(text: "read-only: you cannot write \(path)", isError: true)
        }
        let session = Session(store: store, state: state)

        guard isatty(1) == 1, isatty(0) == 1 else {
            // Not a terminal: the board once, as text (a capture for scripts and READMEs).
            let width = Int(common.environment["COLUMNS"] ?? "") ?? 120
            session.send(
                .resize(
                    width: max(AppState.minimumWidth, width),
                    height: max(AppState.minimumHeight, min(state.visible.count + 4, 2000))))
            print(Renderer(glyphs: Glyphs(unicode: unicode)).render(session.state).text, terminator: "")
            return
        }
        let backend = Backend(theme: chosen, unicode: unicode)
        guard backend.start() else {
            let term = common.environment["TERM"] ?? "unset"
            throw UsageProblem("cannot open the terminal (TERM=\(term)): use `golive report` in scripts")
        }
        let runtime = Runtime(session: session, backend: backend, renderer: Renderer(glyphs: Glyphs(unicode: unicode)))
        let status = runtime.run()
        backend.stop()
        if status != 0 { Foundation.exit(status) }
    }
}

extension Locale {
    /// Whether the locale in force speaks UTF-8 (LC_ALL, then LC_CTYPE, then LANG).
    static func isUTF8(_ env: [String: String]) -> Bool {
        let value = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let v = value.lowercased()
        return v.contains("utf-8") || v.contains("utf8")
    }
}

/// The board's store: the demo store (seeded on first use) or the user's, created empty.
func openBoardStore(_ common: CommonOptions, demo: Bool) throws -> Store {
    let catalog = try common.catalog()
    let store = try common.open(.create, demo: demo)
    if try demo && store.accountIDs().isEmpty {
        let seeder = Seeder(
            accounts: 30, tasksPerAccount: nil, csms: 4, seed: 2026, asOf: try common.today(), catalog: catalog)
        try Operations.seed(seeder, into: store)
    }
    return store
}
