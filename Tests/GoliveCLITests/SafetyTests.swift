import Foundation
import GoliveTestSupport
import Testing

/// What happens to the store under several writers and sudden death. The writer is
/// `golive-bench write`: random actions through the store API, each saved event's id
/// printed the moment its transaction committed.
@Suite(.serialized)
struct SafetyTests {
    static var bench: String {
        URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("golive-bench").path
    }

    /// The long variants run with GOLIVE_FULL_SAFETY=1; the test command runs smaller counts.
    static var full: Bool { ProcessInfo.processInfo.environment["GOLIVE_FULL_SAFETY"] == "1" }

    func seeded(_ cli: CLI, accounts: Int = 30) throws -> String {
        let store = cli.file("p.sqlite")
        #expect(
            try cli.run(["seed", "--store", store, "--accounts", "\(accounts)", "--seed", "3", "--as-of", "2026-11-22"])
                .status == 0)
        return store
    }

    func sqlite(_ store: String, _ sql: String) throws -> String {
        try spawnAndWait(["sqlite3", store, sql]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func fourWritersAtOnceLoseNothingAndNeverFailWithALockedStore() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try seeded(cli)
        let before = Int(try sqlite(store, "SELECT count(*) FROM events"))!
        let perWriter = Self.full ? 500 : 120
        var pids: [pid_t] = []
        for w in 0..<4 {
            let out = cli.file("w\(w).out")
            let err = cli.file("w\(w).err")
            pids.append(
                try spawn(
                    [
                        Self.bench, "write", "--store", store, "--actions", "\(perWriter)", "--seed", "\(w + 1)",
                        "--user", "writer\(w)",
                    ], out: out, err: err))
        }
        for pid in pids {
            var st: Int32 = 0
            waitpid(pid, &st, 0)
            #expect((st >> 8) & 0xFF == 0)
        }
        var saved = Set<Int>()
        for w in 0..<4 {
            let ids = try String(contentsOfFile: cli.file("w\(w).out"), encoding: .utf8).split(separator: "\n").map {
                Int($0)!
            }
            #expect(ids.count == perWriter)
            saved.formUnion(ids)
            let err = try String(contentsOfFile: cli.file("w\(w).err"), encoding: .utf8)
            #expect(!err.contains("locked") && !err.contains("busy"), "writer \(w): \(err)")
        }
        // Every saved action is there, once, and the events table tells the story.
        #expect(saved.count == 4 * perWriter)
        #expect(Int(try sqlite(store, "SELECT count(*) FROM events"))! == before + 4 * perWriter)
        for w in 0..<4 {
            #expect(Int(try sqlite(store, "SELECT count(*) FROM events WHERE who = 'writer\(w)'"))! == perWriter)
        }
        #expect(try sqlite(store, "PRAGMA integrity_check") == "ok")
        #expect(try sqlite(store, "PRAGMA foreign_key_check") == "")
    }

    @Test func aWriterKilledAtRandomMomentsLeavesASoundStoreWithEverySavedActionInIt() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try seeded(cli)
        var rng = SystemRandomNumberGenerator()
        var reported = Set<Int>()
        let rounds = Self.full ? 50 : 12
        for round in 0..<rounds {
            let out = cli.file("k\(round).out")
            let pid = try spawn(
                [
                    Self.bench, "write", "--store", store, "--actions", "100000", "--seed", "\(round + 7)", "--user",
                    "k\(round)",
                ],
                out: out, err: cli.file("k\(round).err"))
            // The last writer is let run until it has saved something, so that a loaded
            // machine (where a writer may report nothing in 250 ms) still proves a saved action.
            let started = Date()
            while round == rounds - 1 && reportedIDs(out).isEmpty && Date().timeIntervalSince(started) < 30 {
                usleep(10_000)
            }
            usleep(UInt32.random(in: 20_000...250_000, using: &rng))
            kill(pid, SIGKILL)
            var st: Int32 = 0
            waitpid(pid, &st, 0)
            reported.formUnion(reportedIDs(out))
            #expect(try sqlite(store, "PRAGMA integrity_check") == "ok", "after kill \(round)")
        }
        #expect(!reported.isEmpty)
        let present = Set(try sqlite(store, "SELECT id FROM events").split(separator: "\n").compactMap { Int($0) })
        #expect(reported.isSubset(of: present), "\(reported.subtracting(present).count) saved actions missing")
        // And the store still opens and works for the next person.
        #expect(try cli.run(["report", "overdue", "--store", store, "--as-of", "2026-11-22"]).status == 0)
    }

    /// The event ids a `golive-bench write` reported saved, so far.
    func reportedIDs(_ out: String) -> [Int] {
        (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").compactMap { Int($0) } ?? []
    }

    /// Runs `argv`, kills it with SIGKILL after a random moment up to `within` µs (it may
    /// have finished), and waits for it.
    func killedAtRandom(_ cli: CLI, _ argv: [String], within: UInt32, _ rng: inout SystemRandomNumberGenerator)
        throws
    {
        let pid = try spawn(argv, out: cli.file("killed.out"), err: cli.file("killed.err"))
        usleep(UInt32.random(in: 1_000...within, using: &rng))
        kill(pid, SIGKILL)
        var st: Int32 = 0
        waitpid(pid, &st, 0)
    }

    func count(_ store: String, _ table: String) throws -> Int {
        Int(try sqlite(store, "SELECT count(*) FROM \(table)")) ?? -1
    }

    /// Killed at any moment, an import leaves the store as it was or with every row imported,
    /// and a restore or a seed leaves no store or a whole one — never half, always sound.
    @Test func importRestoreAndSeedKilledAtRandomMomentsLeaveAllOrNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let seeded = try seeded(cli)
        var csv = "Account Name,CSM,Segment,ARR,Contract Signed\n"
        for i in 0..<300 { csv += "Killed Import \(i),Ana,smb,\(9000 + i),2026-11-01\n" }
        let file = cli.write("many.csv", csv)
        let export = cli.file("p.json")
        #expect(try cli.run(["export", "--store", seeded, "--output", export]).status == 0)
        let before = try count(seeded, "accounts")
        var rng = SystemRandomNumberGenerator()
        var outcomes: [String: Set<String>] = [:]
        let rounds = Self.full ? 40 : 8
        for round in 0..<rounds {
            // Import into a copy of the seeded store.
            let copy = cli.file("import-\(round).sqlite")
            try FileManager.default.copyItem(atPath: seeded, toPath: copy)
            try killedAtRandom(
                cli, [CLI.binary, "import", file, "--store", copy, "--as-of", "2026-11-22"], within: 1_500_000, &rng)
            #expect(try sqlite(copy, "PRAGMA integrity_check") == "ok", "import, round \(round)")
            let n = try count(copy, "accounts")
            #expect(n == before || n == before + 300, "import, round \(round): \(n) accounts")
            outcomes["import", default: []].insert(n == before ? "nothing" : "all")
            // Restore and seed into new paths.
            for (kind, argv, whole) in [
                ("restore", [CLI.binary, "restore", export, "--store"], before),
                (
                    "seed",
                    [CLI.binary, "seed", "--accounts", "200", "--seed", "5", "--as-of", "2026-11-22", "--store"], 200
                ),
            ] {
                let target = cli.file("\(kind)-\(round).sqlite")
                try killedAtRandom(cli, argv + [target], within: 1_500_000, &rng)
                // Nothing: no file, or the empty one a build keeps the name with, which reads as
                // no store and which the next run fills.
                let size = (try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? Int ?? 0
                guard size > 0 else {
                    outcomes[kind, default: []].insert("nothing")
                    if FileManager.default.fileExists(atPath: target) {
                        let read = try cli.run(["report", "overdue", "--store", target, "--as-of", "2026-11-22"])
                        #expect(read.status == 1 && read.err.contains("no store at \(target) yet"), "\(read.err)")
                        let again = try cli.run(Array(argv.dropFirst()) + [target])
                        #expect(again.status == 0, "\(kind) again: \(again.err)")
                        #expect(try count(target, "accounts") == whole)
                        let left = try FileManager.default.contentsOfDirectory(atPath: cli.home)
                        #expect(!left.contains { $0.hasPrefix(".\(kind)-\(round).sqlite.building") }, "\(left)")
                    }
                    continue
                }
                #expect(try sqlite(target, "PRAGMA integrity_check") == "ok", "\(kind), round \(round)")
                #expect(try count(target, "accounts") == whole, "\(kind), round \(round)")
                outcomes[kind, default: []].insert("all")
            }
        }
        // Whatever was left, the stores open and work.
        #expect(
            try cli.run(["report", "overdue", "--store", cli.file("import-0.sqlite"), "--as-of", "2026-11-22"]).status
                == 0)
        print("killed at random: \(outcomes)")
    }

    /// Starts a program with its output in files; returns its pid.
    func spawn(_ argv: [String], out: String, err: String) throws -> pid_t {
        try WritePaths.check(arguments: argv, folder: (out as NSString).deletingLastPathComponent)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        return pid
    }
}
