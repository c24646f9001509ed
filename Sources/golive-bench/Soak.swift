import ArgumentParser
import Foundation
import GoliveStore

/// The board left running with keys coming in while another process writes: the real
/// binary in a private tmux server, its resident memory and open descriptors sampled from
/// /proc. At the end the board must still run and quit cleanly, every change the writer
/// reported saved must be in the store, and the store must be sound (README "Data safety").
struct Soak: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the board under random keys and a second writer; print its memory and descriptors as JSON.")
    @Option var store: String
    @Option(help: "The golive binary.") var golive: String
    @Option var seconds = 60
    @Option(help: "Seconds between samples.") var sample = 5
    @Option(help: "Milliseconds between the writer's changes.") var writerEvery = 250
    @Option(help: "Keys sent per second (the tmux round trips make the real rate somewhat lower).")
    var keysPerSecond = 100
    @Option(help: "The day the board takes for today, as the store was seeded (YYYY-MM-DD).")
    var asOf = "2026-11-22"
    @Option var seed: UInt64 = 1

    struct Sample: Codable {
        var second: Int
        var rssKB: Int
        var fds: Int
    }

    struct Outcome: Codable {
        var seconds: Int
        var keys: Int
        var samples: [Sample]
        var boardExit: Int
        var boardEvents: Int
        var writerSaved: Int
        var writerMissing: Int
        var integrity: String
        /// Resident memory and descriptors after the first fifth of the run (warm-up).
        var rssAfterWarmUpKB: ClosedRange<Int>
        var fdsAfterWarmUp: ClosedRange<Int>
    }

    /// tmux key names for every key a user might press, except those that end the board
    /// (q on the board, Ctrl-C): it is meant to keep running.
    static let keys: [String] = [
        "j", "j", "k", "k", "g", "G", "Enter", "Enter", "Escape", "Escape", "Tab", "BTab", "x", "x", "u", "U", "n",
        "a", "d", "o", "b", "w", "p", "s", "e", "E", "R", "c", "h", "l", "/", "?", "1", "2", "3", "4", "5", "m", "r",
        "t", "v", "z", "Space", "BSpace", "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "C-u",
        "+", "-", "7", "f", "i", "é",
    ]

    func run() throws {
        let socket = "golive-soak-\(getpid())"
        // Output through a file: the server the first call starts would hold a pipe open.
        let answer = store + ".soak-tmux.out"
        func tmux(_ args: [String]) -> String {
            _ = Soak.spawn(["/usr/bin/env", "tmux", "-L", socket] + args, output: answer, wait: true)
            let text = (try? String(contentsOfFile: answer, encoding: .utf8)) ?? ""
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        defer { try? FileManager.default.removeItem(atPath: answer) }
        defer { _ = tmux(["kill-server"]) }
        let home = store + ".soak-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        // The shell stays after the board ends and writes its exit status: tmux's own
        // remain-on-exit was not always in place in time on a loaded machine.
        let statusFile = store + ".soak-status"
        try? FileManager.default.removeItem(atPath: statusFile)
        defer { try? FileManager.default.removeItem(atPath: statusFile) }
        _ = tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", "soak", "-x", "120", "-y", "40",
            // The default keys and settings: no config.yaml or keys.yaml of this machine's user.
            "env HOME=\(home) XDG_CONFIG_HOME=\(home)/config XDG_DATA_HOME=\(home)/data TERM=tmux-256color "
                + "LANG=C.UTF-8 \(golive) --store \(store) --as-of \(asOf) --user soak; "
                + "echo $? > \(statusFile); sleep 3600",
        ])
        guard let shell = Int32(tmux(["list-panes", "-t", "soak", "-F", "#{pane_pid}"])) else {
            throw ValidationError("the board did not start in tmux")
        }
        // The board is the shell's child.
        var board: Int32?
        let looking = Date()
        while board == nil && Date().timeIntervalSince(looking) < 30 {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            board = children.split(separator: " ").compactMap { Int32($0) }.first
            if board == nil { usleep(20_000) }
        }
        guard let pid = board else { throw ValidationError("the board did not start in tmux") }
        // Keys only once the board shows its first frame: before, the terminal is not yet in
        // the board's hands and would echo them (seen on a loaded machine).
        let started = Date()
        while !tmux(["capture-pane", "-p", "-t", "soak"]).contains("accounts (") {
            guard Date().timeIntervalSince(started) < 120 else {
                throw ValidationError("the board showed no first frame in 120 s")
            }
            usleep(100_000)
        }
        // A board on a day before the store's last change shows that day read-only, and a
        // soak of a board that refuses every change proves little.
        if tmux(["capture-pane", "-p", "-t", "soak"]).split(separator: "\n").first?.contains("[RO]") == true {
            throw ValidationError(
                "the board opened read-only: --as-of \(asOf) is before the store's last change (seed it --as-of \(asOf))"
            )
        }

        let writerOut = store + ".soak-writer.out"
        let writer = Soak.spawn(
            [
                CommandLine.arguments[0], "write", "--store", store, "--actions", "100000000", "--every",
                "\(writerEvery)", "--seed", "\(seed)", "--user", "soak-writer",
            ], output: writerOut, wait: false)

        var rng = SystemRandomNumberGenerator()
        // A person types a few keys a second; a flood sends them ten at a time.
        let rate = max(1, keysPerSecond)
        let perBatch = min(10, max(1, rate / 10))
        let pause = useconds_t(perBatch * 1_000_000 / rate)
        var samples: [Sample] = []
        var keysSent = 0
        let start = Date()
        var nextSample = 0.0
        while Date().timeIntervalSince(start) < Double(seconds) {
            let elapsed = Date().timeIntervalSince(start)
            if elapsed >= nextSample {
                guard let s = Soak.measure(pid) else { break }  // the board is gone
                samples.append(Sample(second: Int(elapsed), rssKB: s.rss, fds: s.fds))
                print("\(Int(elapsed)) s: rss \(s.rss) KB, \(s.fds) descriptors, \(keysSent) keys")
                nextSample += Double(sample)
            }
            var batch = (0..<perBatch).map { _ in Soak.keys[Int.random(in: 0..<Soak.keys.count, using: &rng)] }
            // An Esc ends its batch: a key right behind it would make it Alt with that key,
            // and the pause before the next batch is a person's, longer than the escape delay.
            if let esc = batch.firstIndex(of: "Escape") { batch = Array(batch[...esc]) }
            _ = tmux(["send-keys", "-t", "soak"] + batch)
            keysSent += batch.count
            usleep(pause)
        }
        kill(writer, SIGTERM)
        var status: Int32 = 0
        waitpid(writer, &status, 0)

        // Out of any question or screen, then quit from the board (after the keys still
        // queued: on a loaded machine the board may be behind).
        var exit = -1
        for _ in 0..<240 {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
                let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                exit = status
                break
            }
            // Each Esc on its own: an Esc with a key right behind it is that key with Alt.
            for key in ["Escape", "Escape", "Escape", "q"] {
                _ = tmux(["send-keys", "-t", "soak", key])
                usleep(100_000)
            }
        }
        if exit != 0 {
            let screen = tmux(["capture-pane", "-p", "-S", "-200", "-t", "soak"])
            print(exit == -1 ? "the board did not quit; its screen:" : "the board ended with status \(exit):")
            print(screen)
        }
        let check = try Store(path: store, mode: .readOnly)
        let present = Set(try check.eventIDs(by: "soak-writer", after: 0))
        let reported =
            ((try? String(contentsOfFile: writerOut, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                Int64($0)
            }
        let boardEvents = try check.eventIDs(by: "soak", after: 0).count
        let warm = samples.dropFirst(samples.count / 5)
        let outcome = Outcome(
            seconds: seconds, keys: keysSent, samples: samples, boardExit: exit, boardEvents: boardEvents,
            writerSaved: reported.count, writerMissing: reported.filter { !present.contains($0) }.count,
            integrity: try check.integrityCheck(),
            rssAfterWarmUpKB: (warm.map(\.rssKB).min() ?? 0)...(warm.map(\.rssKB).max() ?? 0),
            fdsAfterWarmUp: (warm.map(\.fds).min() ?? 0)...(warm.map(\.fds).max() ?? 0))
        try? FileManager.default.removeItem(atPath: writerOut)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(outcome), as: UTF8.self))
    }

    /// Runs `argv` with its output in `output` (stdin and stderr closed), waiting for it or
    /// not; returns its pid. Not Foundation's Process: its wait hung on tmux's client here.
    static func spawn(_ argv: [String], output: String, wait: Bool) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ) == 0 else { return -1 }
        if wait {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        return pid
    }

    /// Resident memory (KB) and open descriptors of `pid`, from /proc; nil once it is gone.
    static func measure(_ pid: Int32) -> (rss: Int, fds: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let rss = Int(line.split(separator: " ").dropFirst().first ?? ""),
            let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
        else { return nil }
        return (rss, fds.count)
    }
}
