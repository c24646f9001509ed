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
        help: ArgumentHelp("The day every rule treats as today, YYYY-MM-DD (env GOLIVE_TODAY).", valueName: "date"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who is making changes, recorded on events (default: user: in config.yaml, else $USER).",
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
        if let a = asOf {
            guard let d = Day(iso: a) else {
                throw ValidationError("--as-of '\(Text.inert(a))' is not a date (expected YYYY-MM-DD)")
            }
            guard Limits.contains(d) else {
                throw ValidationError("--as-of \(d.iso) is outside the dates golive takes (\(Limits.dateRange))")
            }
            return d
        }
        if let env = environment["GOLIVE_TODAY"], !env.isEmpty {
            guard let d = Day(iso: env), Limits.contains(d) else {
                throw ValidationError(
                    "GOLIVE_TODAY '\(Text.inert(String(env.prefix(20))))' is not a date from \(Limits.dateRange)")
            }
            return d
        }
        return Day.today()
    }

    func config() throws -> ConfigFile { try ConfigFile.load(path: paths.configFile) }

    /// `--user`, else `user:` in config.yaml, else the login.
    func who() throws -> String {
        if let u = user { return u }
        if let u = try config().user { return u }
        if let u = environment["USER"], !u.isEmpty { return u }
        return "unknown"
    }

    func storePath(demo: Bool = false) -> String {
        if demo { return paths.demoStore }
        if let s = store { return s }
        if let s = environment["GOLIVE_STORE"], !s.isEmpty { return s }
        return paths.defaultStore
    }

    func open(_ mode: Store.Mode, demo: Bool = false) throws -> Store {
        try Store(path: storePath(demo: demo), mode: mode)
    }

    func catalog() throws -> PlaybookCatalog {
        try PlaybookCatalog.load(userDirectory: paths.playbookDirectory)
    }
}
