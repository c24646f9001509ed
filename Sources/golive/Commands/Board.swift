import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the board (the default).",
        discussion: "Without a terminal (a pipe or a file), prints the board once as text.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Use the demo store, seeded on first use with a sample portfolio.")
    var demo = false

    @Option(
        help: ArgumentHelp("A theme name or file (env GOLIVE_THEME; `golive theme list`).", valueName: "name|path"),
        completion: Completions.themes)
    var theme: String?

    @Flag(
        name: .customLong("read-only"),
        help: "Look without changing anything (also automatic for a store you cannot write).")
    var readOnly = false

    @Option(
        help: ArgumentHelp("Open on this screen: \(Board.screenList).", valueName: "screen"),
        completion: Completions.views)
    var view: String = "board"

    /// The screens `--view` names: each one a digit opens on the board (1 to 5), by the
    /// first word of its title, in the digits' order.
    static let views: [(name: String, screen: Screen)] = [
        ("board", .board), ("stalled", .stalled), ("agenda", .agenda), ("metrics", .metrics), ("changes", .changes),
    ]

    /// "board, stalled, agenda, metrics or changes".
    static var screenList: String {
        let names = views.map(\.name)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// The screen `name` names; "stalled review" and "stalled-review", as the title reads, too.
    static func screen(_ name: String) -> Screen? {
        let words = name.lowercased().replacingOccurrences(of: "-", with: " ")
        let spelled = words == "stalled review" ? "stalled" : words
        return views.first { $0.name == spelled }?.screen
    }

    func validate() throws {
        guard Self.screen(view) != nil else {
            let hint = Nearest.hint(view, among: Self.views.map(\.name), expected: Self.screenList)
            throw ValidationError("--view '\(Text.inert(view))' is not a screen \(hint)")
        }
    }

    func run() throws {
        let paths = common.paths
        // Everything a user may have got wrong is checked before the terminal is taken.
        let keys = try KeyTable.load(path: paths.keysFile)
        let themeName = theme ?? common.environment["GOLIVE_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let chosen = try ThemeCatalog(userDirectory: paths.themeDirectory).theme(themeName)
        // A store this user cannot write opens read-only rather than not at all.
        let path = try common.storePath(demo: demo)
        // A team store on PostgreSQL is no file: the server says what this user may do.
        let team = PostgresLocation.isURL(path)
        let unwritable =
            !team && FileManager.default.fileExists(atPath: path) && !FileManager.default.isWritableFile(atPath: path)
        let terminal = isatty(1) == 1 && isatty(0) == 1
        // A terminal that cannot move the cursor would show the header and take keys blind.
        let drawable = terminal && Backend.canAddressCursor()
        if terminal && !drawable {
            let term = Text.inert(common.environment["TERM"] ?? "unset")
            printError(
                "golive: TERM=\(term) cannot move the cursor: the board is printed once (`golive report` for more)")
        }
        // Without a terminal nothing asks for a store to be made: a script that names the
        // wrong file gets told so, and no empty store is left behind.
        if !terminal && !demo && !team && !FileManager.default.fileExists(atPath: path) {
            throw UsageProblem("no store at \(path) (create one with `golive seed` or `golive import`)")
        }
        let store =
            readOnly || unwritable
            ? try common.open(.readOnly, demo: demo) : try openBoardStore(common, demo: demo)
        let today = try common.today()
        let unicode = Locale.isUTF8(common.environment)
        let user = try common.who()
        var state = AppState(
            try Session.snapshot(store, user: user), today: today, user: user, readOnly: store.readOnly,
            keys: keys, screen: Self.screen(view) ?? .board)
        if state.screen == .stalled { state.stalledSelected = state.stalledOrder.first }
        state.capacity = try common.config().capacitySetting
        if let past = store.history {
            state.readOnlyReason = past
            state.status = StatusLine(text: past, isError: false)
        } else if unwritable && !readOnly {
            state.status = StatusLine(text: "read-only: you cannot write \(path)", isError: true)
        } else if team && store.readOnly && !readOnly {
            state.status = StatusLine(
                text: "read-only: the server lets this role only read \(store.path)", isError: true)
        }
        var hooks: Hooks?
        // A board that cannot save (read-only, or printed once) runs no hook.
        let found =
            store.readOnly || !drawable ? nil : Hooks.find(paths, environment: common.environment, store: store.path)
        switch found {
        case .ready(let ready):
            hooks = ready
        case .refused(let why):
            // Said once, where the user looks; the log has it too.
            if state.status == nil { state.status = StatusLine(text: why, isError: true) }
        case nil:
            break
        }
        let session = Session(store: store, state: state)
        session.now = try common.clock()
        if let hooks {
            session.onSaved = { saved in
                guard let line = try? EventLine.json(saved.event, account: saved.after) else { return }
                hooks.deliver(line, event: saved.event.id)
            }
        }

        guard drawable else {
            // Not a terminal: the board once, as text (a capture for scripts and READMEs).
            // COLUMNS outside 20–1000 was warned about and dropped at start.
            let width = Int(Environment.number("COLUMNS") ?? 120)
            session.send(
                .resize(
                    width: max(AppState.minimumWidth, width),
                    height: max(AppState.minimumHeight, min(state.visible.count + 4, 2000))))
            say(Renderer(glyphs: Glyphs(unicode: unicode)).render(session.state).text, terminator: "")
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
        // The whole of it, which the status line may have cut short.
        if let notice = session.lostStoreNotice { printError("golive: \(notice)") }
        hooks?.finish()
        // golive ends with `exit`, which runs no deinit: a past day's copy would stay behind.
        store.removePastDayCopy()
        if status != 0 { throw EndedBySignal(status: status) }
    }
}

/// The board's store: the demo store (seeded on first use) or the user's, created empty.
func openBoardStore(_ common: CommonOptions, demo: Bool) throws -> Store {
    let catalog = try common.catalog()
    let store = try common.open(.create, demo: demo)
    if try demo && store.accountIDs().isEmpty {
        var seeder = Seeder(
            accounts: 30, tasksPerAccount: nil, csms: 4, seed: 2026, asOf: try common.today(), catalog: catalog)
        seeder.notAfter = Timestamp.string(Date())
        try Operations.seed(seeder, into: store)
    }
    return store
}
