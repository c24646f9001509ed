import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// The benchmark harness: builds stores with `golive seed`'s seeder and measures what a
/// user waits for. It prints a table and writes JSON; it asserts nothing — the budgets are
/// checked by reading its figures (README "Performance").
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golive-bench",
        abstract: "Measure golive: open, keystrokes, saved actions, reports, memory, terminal bytes.",
        subcommands: [Run.self, Open.self, Verify.self, Write.self], defaultSubcommand: Run.self)
}

let asOf = Day(year: 2026, month: 11, day: 22)

/// Wall-clock durations in milliseconds.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((p * Double(s.count - 1)).rounded()))]
}

/// Peak resident memory of this process so far, in MB (Linux VmHWM).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

/// One measured store: opened, its state built and the board rendered headless — what
/// `golive` does before the first frame — then the peak memory. Run as its own process so
/// each scale starts cold.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a store to the first board frame; print ms and peak MB as JSON.")
    @Option var store: String

    func run() throws {
        var frame = Canvas(width: 0, height: 0)
        let ms = try measure {
            let s = try Store(path: store, mode: .readOnly)
            let state = AppState(
                try Session.snapshot(s, user: "bench"), today: asOf, user: "bench", readOnly: true, width: 120,
                height: 40)
            let session = Session(store: s, state: state)
            frame = Renderer(glyphs: Glyphs(unicode: true)).render(session.state)
        }
        precondition(frame.lines[1].contains("ACCOUNT"), "no board frame")
        print("{\"open_ms\": \(ms), \"peak_mb\": \(peakMemoryMB())}")
    }
}

/// The board's correctness at the measured scale: every account's stored facts equal those
/// computed from the whole account, and give the rules' strip, RAG and stalled mark on days
/// around the seeding day. Accounts are read in batches so 100,000 fit in memory.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every account's stored facts against its whole record; print counts as JSON.")
    @Option var store: String

    func run() throws {
        let s = try Store(path: store, mode: .readOnly)
        let stored = Dictionary(uniqueKeysWithValues: try s.facts().map { ($0.id, $0) })
        let ids = try s.accountIDs()
        var checked = 0
        var wrong = 0
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            for a in try s.accounts(ids: Array(ids[start..<min(ids.count, start + 2_000)])) {
                checked += 1
                let f = a.facts
                var same = stored[a.id] == f
                for offset in stride(from: -30, through: 30, by: 5) where same {
                    let day = asOf + offset
                    let status = a.status(asOf: day)
                    let strip = f.strip(asOf: day)
                    same =
                        strip == status.checkpoints.map(\.state) && f.rag(strip: strip) == status.rag
                        && f.stall(asOf: day)
                            == a.stall(asOf: day).map { StallMark(ballInCourt: $0.ballInCourt, days: $0.days) }
                }
                if !same { wrong += 1 }
            }
        }
        print("{\"checked\": \(checked), \"wrong\": \(wrong), \"facts\": \(stored.count)}")
        if wrong > 0 || checked != stored.count { throw ExitCode(1) }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every measurement and print the results.")

    @Option(help: "Portfolio sizes (accounts) for open and memory, comma-separated.") var scales = "1000,10000,100000"
    @Option(help: "The size for keystrokes, actions, reports and terminal bytes.") var size = 10_000
    @Option(name: .customLong("tasks-per-account")) var tasksPerAccount = 50
    @Option(help: "Keystrokes to time on each screen.") var keys = 1000
    @Option(help: "Saved actions to time.") var actions = 1000
    @Option(help: "Runs of each report process.") var reportRuns = 3
    @Option(help: "Opens of each store (a process each).") var openRuns = 3
    @Flag(inversion: .prefixedNo, help: "Check every account's stored facts against its whole record at each scale.")
    var verify = true
    @Option(help: "Where stores are kept between runs (reused when present).") var work =
        NSTemporaryDirectory() + "golive-bench"
    @Option(help: "Write the results here as JSON.") var json: String?
    @Flag(help: "Skip the terminal-bytes measurement (needs tmux).") var skipTerminal = false

    var binDir: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    func storePath(_ n: Int) -> String { "\(work)/bench-\(n)x\(tasksPerAccount).sqlite" }

    /// A seeded store of `n` accounts, reused across runs; the seconds seeding took when new.
    func ensureStore(_ n: Int) throws -> Double? {
        let path = storePath(n)
        if FileManager.default.fileExists(atPath: path) { return nil }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let golive = binDir.appendingPathComponent("golive").path
        var seconds = 0.0
        let ms = try measure {
            let status = try runProcess(
                golive,
                [
                    "seed", "--store", path, "--accounts", "\(n)", "--tasks-per-account", "\(tasksPerAccount)",
                    "--seed", "1", "--as-of", asOf.iso,
                ])
            if status.code != 0 { throw ValidationError("seeding failed: \(status.err)") }
        }
        seconds = ms / 1000
        return seconds
    }

    func run() throws {
        var results: [String: Any] = ["machine": machine(), "as_of": asOf.iso, "tasks_per_account": tasksPerAccount]
        var rows: [(String, String)] = []
        let sizes = scales.split(separator: ",").compactMap { Int($0) }
        for n in Set(sizes + [size]).sorted() {
            if let s = try ensureStore(n) {
                results["seed_\(n)_s"] = s
                rows.append(("seed \(n) accounts × \(tasksPerAccount) tasks", String(format: "%.1f s", s)))
            }
        }
        for n in sizes {
            // Each open is its own process. The first finds the file wherever the system's
            // cache left it (this VM keeps little in it); the median is of all of them.
            var opens: [Double] = []
            var peak = 0.0
            for _ in 0..<max(1, openRuns) {
                let out = try runProcess(
                    binDir.appendingPathComponent("golive-bench").path, ["open", "--store", storePath(n)])
                guard let obj = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Double],
                    let openMS = obj["open_ms"], let peakMB = obj["peak_mb"]
                else {
                    throw ValidationError("open failed: \(out.err)")
                }
                opens.append(openMS)
                peak = max(peak, peakMB)
            }
            results["open_\(n)_ms"] = percentile(opens, 0.5)
            results["open_\(n)_first_ms"] = opens[0]
            results["peak_mb_\(n)"] = peak
            rows.append(
                (
                    "open → first board frame, \(n) accounts",
                    String(format: "%.0f ms (first of %d: %.0f ms)", percentile(opens, 0.5), opens.count, opens[0])
                ))
            rows.append(("peak memory, board open, \(n) accounts", String(format: "%.0f MB", peak)))
        }

        // The correctness of what was measured, at every scale.
        for n in sizes where verify {
            let out = try runProcess(
                binDir.appendingPathComponent("golive-bench").path, ["verify", "--store", storePath(n)])
            guard out.code == 0, let obj = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Int],
                let checked = obj["checked"], let wrong = obj["wrong"]
            else {
                throw ValidationError("facts check failed at \(n) accounts: \(out.out)\(out.err)")
            }
            results["verified_\(n)"] = checked
            rows.append(("facts = rules on whole accounts, \(n) accounts", "\(checked) checked, \(wrong) wrong"))
        }

        // Keystrokes at `size`: the update function and a full render, per key.
        let store = try Store(path: storePath(size), mode: .readWrite)
        let session = Session(
            store: store,
            state: AppState(
                try Session.snapshot(store, user: "bench"), today: asOf, user: "bench", width: 120, height: 40))
        let renderer = Renderer(glyphs: Glyphs(unicode: true))
        func timeKeys(_ script: [Key]) -> [Double] {
            script.map { k in
                measure {
                    session.send(.key(k))
                    _ = renderer.render(session.state)
                }
            }
        }
        let boardScript: [Key] = (0..<keys).map { i in
            switch i % 20 {
            case 0: .pageDown
            case 1: .pageUp
            case 7: .char("s")
            case 13: .char("/")
            case 14: .char("a")
            case 15: .escape
            default: i % 2 == 0 ? .char("j") : .char("k")
            }
        }
        let board = timeKeys(boardScript)
        results["board_key_p50_ms"] = percentile(board, 0.5)
        results["board_key_p99_ms"] = percentile(board, 0.99)
        rows.append(
            (
                "keystroke → frame, board, p50 / p99",
                String(format: "%.2f / %.2f ms", percentile(board, 0.5), percentile(board, 0.99))
            ))
        // The same keys split: moving, versus re-sorting or re-filtering the whole portfolio.
        let reorders = Set([7, 13, 14, 15])
        let moves = board.enumerated().filter { !reorders.contains($0.offset % 20) }.map(\.element)
        let reorder = board.enumerated().filter { reorders.contains($0.offset % 20) }.map(\.element)
        results["board_move_p99_ms"] = percentile(moves, 0.99)
        results["board_reorder_p99_ms"] = percentile(reorder, 0.99)
        rows.append(("  of which moves (j k PgUp PgDn), p99", String(format: "%.2f ms", percentile(moves, 0.99))))
        rows.append(
            ("  of which sort / filter keys (s / a Esc), p99", String(format: "%.2f ms", percentile(reorder, 0.99))))
        session.send(.key(.char("1")))
        session.send(.key(.char("g")))
        session.send(.key(.enter))
        let accountScript: [Key] = (0..<keys).map { i in
            [.char("j"), .char("j"), .char("k"), .tab, .char("]"), .backTab, .char("["), .char("k")][i % 8]
        }
        let account = timeKeys(accountScript)
        results["account_key_p50_ms"] = percentile(account, 0.5)
        results["account_key_p99_ms"] = percentile(account, 0.99)
        rows.append(
            (
                "keystroke → frame, account, p50 / p99",
                String(format: "%.2f / %.2f ms", percentile(account, 0.5), percentile(account, 0.99))
            ))

        // Saved actions: durable commits through the store, as the terminal makes them —
        // which leaves checkpoints to idle moments (one after every 50 actions here).
        try store.deferCheckpoints()
        let ids = session.state.visible.prefix(200)
        var saved: [Double] = []
        var i = 0
        while saved.count < actions {
            let id = ids[ids.index(ids.startIndex, offsetBy: i % ids.count)]
            i += 1
            guard let a = try store.account(id), let t = a.tasks.first(where: { $0.lane != .approval }) else {
                continue
            }
            let change: Change
            switch saved.count % 3 {
            case 0: change = .setTaskStatus(task: t.id, to: t.status == .done ? .open : .done, reason: nil)
            case 1:
                change = .setTaskStatus(
                    task: t.id, to: t.status == .blocked ? .open : .blocked,
                    reason: t.status == .blocked ? nil : "waiting on firewall")
            default: change = .setTaskDue(task: t.id, due: t.due + 1)
            }
            saved.append(
                measure {
                    _ = try? store.perform(
                        change, on: id, who: "bench", today: asOf, expected: a.expectation(for: change))
                })
            if saved.count % 50 == 0 { try store.checkpoint() }
        }
        results["action_p50_ms"] = percentile(saved, 0.5)
        results["action_p99_ms"] = percentile(saved, 0.99)
        rows.append(
            (
                "saved action (durable), p50 / p99",
                String(format: "%.2f / %.2f ms", percentile(saved, 0.5), percentile(saved, 0.99))
            ))

        // Live refresh: another process commits one change; the board's next poll brings it in.
        let other = try Store(path: storePath(size), mode: .readWrite)
        var refreshes: [Double] = []
        for (k, id) in ids.prefix(20).enumerated() {
            try other.perform(.addNote(text: "bench refresh \(k)", task: nil), on: id, who: "other", today: asOf)
            refreshes.append(
                measure {
                    session.poll()
                    _ = renderer.render(session.state)
                })
        }
        try store.checkpoint()  // the board idles after the refreshes, as it would
        results["refresh_p50_ms"] = percentile(refreshes, 0.5)
        results["refresh_max_ms"] = refreshes.max() ?? 0
        rows.append(
            (
                "another process's change → frame, p50 / max",
                String(format: "%.2f / %.2f ms", percentile(refreshes, 0.5), refreshes.max() ?? 0)
            ))

        // Reports as whole processes.
        let golive = binDir.appendingPathComponent("golive").path
        for kind in ["overdue", "stalled"] {
            var times: [Double] = []
            for _ in 0..<max(1, reportRuns) {
                times.append(
                    try measure {
                        let r = try runProcess(
                            golive,
                            ["report", kind, "--store", storePath(size), "--as-of", asOf.iso, "--format", "json"])
                        if r.code != 0 { throw ValidationError("report \(kind) failed: \(r.err)") }
                    })
            }
            results["report_\(kind)_ms"] = percentile(times, 0.5)
            rows.append(
                (
                    "golive report \(kind), whole process (median of \(times.count))",
                    String(format: "%.0f ms", percentile(times, 0.5))
                ))
        }

        if !skipTerminal {
            if let (line, page) = try terminalBytes(golive: golive, store: storePath(size)) {
                results["terminal_bytes_per_key"] = line
                results["terminal_bytes_per_page_key"] = page
                rows.append(("terminal bytes per navigation key (100 × j/k, tmux)", String(format: "%.0f B", line)))
                rows.append(("terminal bytes per page key (20 × PgDn/PgUp, tmux)", String(format: "%.0f B", page)))
            } else {
                rows.append(("terminal bytes per navigation key", "skipped: no tmux"))
            }
        }

        let width = rows.map { Text.width($0.0) }.max() ?? 10
        print("golive-bench — \(results["machine"] as? String ?? "")")
        for (k, v) in rows { print(Text.pad(k, to: width) + "  " + v) }
        let data = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
        if let json { try data.write(to: URL(fileURLWithPath: json)) }
    }

    func machine() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }.map {
                String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
            } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }

    /// Runs golive in tmux, lets the first frame settle, then counts the bytes the terminal
    /// receives for 100 line moves, then for 20 page moves (tmux pipe-pane records the
    /// pane's output).
    func terminalBytes(golive: String, store: String) throws -> (Double, Double)? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { return nil }
        let sock = "golive-bench-\(getpid())"
        let log = "\(work)/pane-\(getpid()).log"
        defer {
            _ = try? runProcess("/usr/bin/tmux", ["-L", sock, "kill-server"])
            unlink(log)
        }
        _ = try runProcess(
            "/usr/bin/tmux",
            [
                "-L", sock, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
                "env TERM=tmux-256color LANG=C.UTF-8 \(golive) --store \(store) --as-of \(asOf.iso)",
            ])
        func screen() -> String {
            (try? runProcess("/usr/bin/tmux", ["-L", sock, "capture-pane", "-p", "-t", "b"]).out) ?? ""
        }
        let deadline = Date().addingTimeInterval(30)
        while !screen().contains("ACCOUNT") && Date() < deadline { usleep(50_000) }
        usleep(300_000)
        func bytes(_ keys: [String]) throws -> Double {
            unlink(log)
            _ = try runProcess("/usr/bin/tmux", ["-L", sock, "pipe-pane", "-t", "b", "-o", "cat >> \(log)"])
            for k in keys { _ = try runProcess("/usr/bin/tmux", ["-L", sock, "send-keys", "-t", "b", k]) }
            usleep(800_000)
            _ = try runProcess("/usr/bin/tmux", ["-L", sock, "pipe-pane", "-t", "b"])  // stop recording
            usleep(100_000)
            let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
            return Double(size) / Double(keys.count)
        }
        let line = try bytes((0..<100).map { $0 % 20 < 12 ? "j" : "k" })
        let page = try bytes((0..<20).map { $0 % 2 == 0 ? "PageDown" : "PageUp" })
        return (line, page)
    }
}

/// Runs a program to completion with posix_spawn (Foundation's Process would wait for
/// tmux's forked server too), capturing its output through files.
func runProcess(_ path: String, _ args: [String]) throws -> (code: Int32, out: String, err: String) {
    let base = NSTemporaryDirectory() + "golive-bench-\(UUID().uuidString)"
    defer {
        unlink(base + ".out")
        unlink(base + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var cargs: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    // Children start with no signal blocked, whatever this process inherited: tmux and
    // golive depend on SIGCHLD, SIGWINCH and SIGHUP.
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    var all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &none)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, &attr, &cargs, environ)
    guard rc == 0 else { throw ValidationError("cannot run \(path): error \(rc)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let out = (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
    return ((status >> 8) & 0xFF, out, err)
}

/// A writer for the safety tests: performs `--actions` changes on random tasks of the
/// store, through the same store API the terminal uses, and prints the id of each event
/// as soon as its transaction committed ("saved"). Several run at once against one file;
/// one may be killed at any moment.
struct Write: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Perform random saved actions; print each saved event id.")
    @Option var store: String
    @Option var actions = 500
    @Option var seed: UInt64 = 1
    @Option var user = "writer"

    func run() throws {
        let s = try Store(path: store, mode: .readWrite)
        let ids = try s.accountIDs()
        var rng = SeededRandom(seed: seed)
        var done = 0
        while done < actions {
            let id = ids[Int.random(in: 0..<ids.count, using: &rng)]
            guard let a = try s.account(id) else { continue }
            let open = a.tasks.filter { $0.lane != .approval }
            guard let t = open.randomElement(using: &rng) else { continue }
            let change: Change =
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: .setTaskDue(task: t.id, due: t.due + 1)
                case 1: .reassignTask(task: t.id, owner: t.owner == user ? "someone" : user)
                case 2: .addNote(text: "note \(done) from \(user)", task: t.id)
                default: .setTaskStatus(task: t.id, to: t.status == .waiting ? .open : .waiting, reason: nil)
                }
            do {
                let (_, e) = try s.perform(change, on: id, who: user, today: asOf, expected: a.expectation(for: change))
                // Unbuffered: a line on stdout means the commit happened, even if we die next.
                FileHandle.standardOutput.write(Data("\(e.id)\n".utf8))
                done += 1
            } catch let r as Refusal where r.message.hasPrefix("changed by") {
                continue  // another writer got there first: reload and try another
            }
        }
    }
}
