import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// The options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The store file (env GOLIVE_STORE).", valueName: "path"),
        completion: Completions.stores)
    var store: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The day every rule treats as today: \(DayOption.forms), from the calendar's today "
                + "(env GOLIVE_TODAY, YYYY-MM-DD).",
            valueName: "date"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who is making changes, recorded on events (default: user: in config.yaml, else your login).",
            valueName: "name"))
    var user: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }
    var paths: Paths { Paths(environment: environment) }

    func validate() throws {
        _ = try today()
        if let u = user, u.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--user cannot be empty")
        }
    }

    func today() throws -> Day {
        // --as-of itself is relative to the calendar's today (`--as-of yesterday`).
        if let a = asOf { return try DayOption.validated(a, "--as-of", today: Day.today()) }
        if let env = environment["GOLIVE_TODAY"], !env.isEmpty {
            guard let d = Day(iso: env), Limits.contains(d) else {
                throw ValidationError(
                    "GOLIVE_TODAY '\(Text.inert(String(env.prefix(20))))' is not a date from \(Limits.dateRange)")
            }
            return d
        }
        return Day.today()
    }

    /// The day `--as-of` (or GOLIVE_TODAY) pins, nil when today is the calendar's.
    func pinnedDay() throws -> Day? {
        asOf != nil || !(environment["GOLIVE_TODAY"] ?? "").isEmpty ? try today() : nil
    }

    /// The moment changes are recorded at: now, on the pinned day when there is one, so a
    /// change made "as of" a day belongs to that day's history.
    func clock() throws -> () -> Date {
        guard let day = try pinnedDay() else { return { Date() } }
        return {
            let now = Date().timeIntervalSince1970
            let secondOfDay = now - (now / 86_400).rounded(.down) * 86_400
            return Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + secondOfDay)
        }
    }

    func config() throws -> ConfigFile { try ConfigFile.load(path: paths.configFile) }

    /// `--user`, else `user:` in config.yaml, else the login: `$USER`, or the password
    /// database's name for this uid where `USER` is unset (cron, `env -i`, some containers).
    func who() throws -> String {
        if let u = user { return u }
        if let u = try config().user { return u }
        if let u = environment["USER"], !u.isEmpty { return u }
        return Login.fromPasswordDatabase() ?? "unknown"
    }

    /// The store named; libpq's `key=value` settings are refused here, before any command
    /// could take them for a file's name and print them, password and all.
    func storePath(demo: Bool = false) throws -> String {
        if demo { return paths.demoStore }
        let named = store ?? environment["GOLIVE_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? paths.defaultStore
        try PostgresLocation.refuseSettings(named)
        return named
    }

    /// The store (a file, or a team store on PostgreSQL); with a pinned day that the store
    /// has changes after, that day's portfolio as it stood then, read-only.
    func open(_ mode: Store.Mode, demo: Bool = false) throws -> Store {
        let store = try Store(path: storePath(demo: demo), mode: mode)
        guard let day = try pinnedDay() else { return store }
        return try store.asOf(endOf: day) ?? store
    }

    func catalog() throws -> PlaybookCatalog {
        try PlaybookCatalog.load(userDirectory: paths.playbookDirectory)
    }
}
