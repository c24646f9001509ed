import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// `golive events`: every change as one JSON line, for scripts, chat bots and CRMs — and,
/// with `--follow`, the changes of every process as they commit.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print every change as one JSON line (--follow: and wait for new ones).",
        discussion: """
            Each line has id, at, who, account_id, account, task_id, checkpoint_id, kind, before, after, \
            detail and words (what happened, as the board says it). --after ID resumes after the last id \
            a script saw: nothing is missed or repeated. With --follow, a store file deleted, moved or \
            replaced ends the command with exit status 3, after every event saved in it; a team store \
            that stops answering is reconnected to (every 0.5 s at first, then every 30 s), resuming \
            after the last event printed, and given up with exit status 3 after an hour (at once, with \
            status 1, when the server refuses the password, role or permission).
            """)

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Only the events after this id.", valueName: "id")) var after: Int64 = 0
    @Flag(help: "Wait for new changes, from any process, and print them as they commit (Ctrl-C ends).")
    var follow = false
    @Option(help: "jsonl (one JSON object a line)", completion: .list(["jsonl"])) var format: String = "jsonl"

    /// Events read and printed at a time: memory stays flat however long the history.
    static let batch = 1_000
    /// How often a follower looks for new commits (a file's `data_version`, a team store's
    /// notifications: no query unless something changed).
    static let pollInterval: useconds_t = 200_000

    func validate() throws {
        guard format == "jsonl" else {
            throw ValidationError("unknown format '\(Text.inert(format))' (expected jsonl)")
        }
        guard after >= 0 else { throw ValidationError("--after \(after) is not an event id (0 or more)") }
    }

    func run() throws {
        if follow {
            // It runs until stopped: Ctrl-C, or `kill` from a supervisor, must end it even when
            // the process that started it blocked those signals (its children inherit that).
            var stops = sigset_t()
            sigemptyset(&stops)
            for s in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stops, s) }
            pthread_sigmask(SIG_UNBLOCK, &stops, nil)
        }
        let store = try common.open(.readOnly)
        guard follow else {
            _ = try printEvents(from: store, after: after)
            return
        }
        if store.isTeamStore {
            try followReconnecting(store)
        } else {
            try followFile(store)
        }
    }

    /// Prints every event after `id`, a batch at a time; returns the last id printed.
    func printEvents(from store: Store, after id: Int64) throws -> Int64 {
        var last = id
        while true {
            let events = try store.events(after: last, limit: Self.batch)
            guard let newest = events.last else { return last }
            let ids = Array(Set(events.compactMap(\.accountID))).sorted()
            let accounts = Dictionary(uniqueKeysWithValues: try store.accounts(ids: ids).map { ($0.id, $0) })
            var text = ""
            for e in events {
                text += try EventLine.json(e, account: e.accountID.flatMap { accounts[$0] }) + "\n"
            }
            // Written at once, unbuffered: a follower's reader sees each change when it commits,
            // and a reader that went away (`| head`) ends the command.
            guard writeAll(text) else { throw ExitCode.success }
            last = newest.id
            if events.count < Self.batch { return last }
        }
    }

    private func writeAll(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var at = 0
        while at < bytes.count {
            let n = bytes.withUnsafeMutableBytes { b in
                b.baseAddress.map { write(STDOUT_FILENO, $0 + at, b.count - at) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            at += n
        }
        return true
    }
}
