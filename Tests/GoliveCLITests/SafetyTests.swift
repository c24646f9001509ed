import Foundation
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
            usleep(UInt32.random(in: 20_000...250_000, using: &rng))
            kill(pid, SIGKILL)
            var st: Int32 = 0
            waitpid(pid, &st, 0)
            let ids =
                (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").compactMap { Int($0) } ?? []
            reported.formUnion(ids)
            #expect(try sqlite(store, "PRAGMA integrity_check") == "ok", "after kill \(round)")
        }
        #expect(!reported.isEmpty)
        let present = Set(try sqlite(store, "SELECT id FROM events").split(separator: "\n").compactMap { Int($0) })
        #expect(reported.isSubset(of: present), "\(reported.subtracting(present).count) saved actions missing")
        // And the store still opens and works for the next person.
        #expect(try cli.run(["report", "overdue", "--store", store, "--as-of", "2026-11-22"]).status == 0)
    }

    /// Starts a program with its output in files; returns its pid.
    func spawn(_ argv: [String], out: String, err: String) throws -> pid_t {
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
