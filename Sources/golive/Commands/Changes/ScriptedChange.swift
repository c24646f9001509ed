import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What every change command takes: the store and day, the account, the version the
/// script last saw, and how to print the result.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The account, by id or by its name (any case).", valueName: "account"))
    var account: String
    @Option(
        name: .customLong("expect-version"),
        help: ArgumentHelp(
            "Refuse the change unless what it edits (the task, checkpoint or account) is still at this version.",
            valueName: "n"))
    var expectVersion: Int?
    @Option(help: "text | json", completion: .list(["text", "json"])) var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else {
            throw ValidationError("unknown format '\(Text.inert(format))' (expected text or json)")
        }
    }
}

/// A change made from a script, as a key makes it: the same refusals, one transaction and
/// one event, the same per-row version check — against the version the script names
/// (`--expect-version`), or else the one read just before — and the `on-change` hook.
enum ScriptedChange {
    /// Resolves the account, asks `make` for the change, saves it and prints the result.
    static func run(_ options: ChangeOptions, _ make: (Account) throws -> Change) throws {
        try run(options, namingTheAccount: false) { _, a in try make(a) }
    }

    /// As `run`, `make` also reading the store; `namingTheAccount`: the saved line starts
    /// with the account's name, as the board's status line does.
    static func run(
        _ options: ChangeOptions, namingTheAccount: Bool, _ make: (Store, Account) throws -> Change
    ) throws {
        let common = options.common
        let store = try common.open(.readWrite)
        if store.history != nil {
            throw UsageProblem("--as-of names a past day, which cannot be changed (leave it out to make changes)")
        }
        let id = try store.accountID(named: options.account)
        guard let account = try store.account(id) else { throw UsageProblem("no account with id \(id)") }
        let change = try make(store, account)
        var expected = account.expectation(for: change)
        if let n = options.expectVersion {
            switch expected {
            case .account: expected = .account(n)
            case .task(let row, _): expected = .task(row, n)
            case .checkpoint(let row, _): expected = .checkpoint(row, n)
            case nil:
                throw UsageProblem("--expect-version: this change edits nothing that has a version (it only adds)")
            }
        }
        // Found before the change is saved: nothing about the hook can fail after it.
        let hooks = Hooks.find(common.paths, environment: common.environment, store: store.path)
        let saved: SavedChange
        do {
            saved = try store.save(
                change, on: id, who: try common.who(), today: try common.today(), now: try common.clock()(),
                expected: expected)
        } catch let r as Refusal {
            // The board reloads a stale view; a script is told to read again itself.
            let message = r.message.replacingOccurrences(of: " — reloaded", with: ": read it again")
            throw UsageProblem("refused: \(message) (nothing was changed)")
        }
        let line = try EventLine.json(saved.event, account: saved.after)
        switch hooks {
        case .ready(let hooks):
            hooks.deliver(line, event: saved.event.id)
            hooks.finish()
        case .refused(let why):
            printError("golive: \(why)")
        case nil:
            break
        }
        guard options.format == "json" else {
            let named = namingTheAccount ? "\(saved.after.name) · " : ""
            return say("saved: \(named)\(saved.event.words(in: saved.after)) (event \(saved.event.id))")
        }
        let version: Int? =
            switch saved.after.expectation(for: change) {
            case .account(let v): v
            case .task(_, let v), .checkpoint(_, let v): v
            case nil: nil
            }
        print("{\"event\":\(line),\"version\":\(version.map(String.init) ?? "null")}")
    }

    /// The task `given` names in `a`: its id, or the one task of that title (any case).
    static func task(_ given: String, in a: Account) throws -> OnboardingTask {
        if let id = Int64(given), let t = a.task(id) { return t }
        let named = a.tasks.filter { $0.title.caseInsensitiveCompare(given) == .orderedSame }
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw UsageProblem(
                "\(named.count) tasks of \(a.name) are titled '\(given)' (ids \(named.map { String($0.id) }.joined(separator: ", "))): give the id"
            )
        }
        throw UsageProblem("\(a.name) has no task titled or numbered '\(given)'")
    }

    /// The checkpoint `given` names in `a`: its id, its key or its name (any case).
    static func checkpoint(_ given: String, in a: Account) throws -> Checkpoint {
        if let id = Int64(given), let c = a.checkpoint(id) { return c }
        let named = a.checkpoints.filter {
            $0.name.caseInsensitiveCompare(given) == .orderedSame
                || $0.key.caseInsensitiveCompare(given) == .orderedSame
        }
        if named.count == 1 { return named[0] }
        let known = a.checkpoints.map(\.name).joined(separator: ", ")
        throw UsageProblem("\(a.name) has no checkpoint named or numbered '\(given)' (its checkpoints: \(known))")
    }

    /// The day `given` means, in any form a date question on the board takes, relative to
    /// the day the command runs as (today, or --as-of).
    static func day(_ given: String, _ what: String, _ options: ChangeOptions) throws -> Day {
        try DayOption.day(given, what, today: try options.common.today())
    }

    /// The same for a day that moves `from`: `+7`, `-2`, `+2w` count from it.
    static func day(_ given: String, _ what: String, moving from: Day, _ options: ChangeOptions) throws -> Day {
        try DayOption.day(given, what, moving: from, today: try options.common.today())
    }
}
