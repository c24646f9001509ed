import Foundation
import GoliveTestSupport
import Testing

/// What a hook may and may not get, through the real binary and a change command: a bad
/// timeout is turned away before the change is saved; a hook gets descriptors 0–2 and a
/// short list of variables, no secret; a hook someone else could have written is refused;
/// and the log it writes to is kept to its size.
@Suite(.serialized)
struct HookSafetyTests {
    static let day = ["--as-of", "2026-11-22", "--user", "crm-bot"]

    func note(_ cli: CLI, _ store: String, _ text: String, env: [String: String] = [:]) throws -> CLI.Result {
        try cli.run(["note", "Lumen Retail", text, "--store", store] + Self.day, env: env)
    }

    func events(_ cli: CLI, _ store: String) throws -> Int {
        try cli.run(["events", "--store", store]).out.split(separator: "\n").count
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// `GOLIVE_HOOK_TIMEOUT=1e300` once ended golive with SIGILL after the change was saved,
    /// so a script that tried again saved it twice.
    @Test(arguments: [
        ("GOLIVE_HOOK_TIMEOUT", "1e300", "from 0.1 to 3600"), ("GOLIVE_HOOK_TIMEOUT", "inf", "from 0.1 to 3600"),
        ("GOLIVE_HOOK_TIMEOUT", "nan", "from 0.1 to 3600"), ("GOLIVE_HOOK_TIMEOUT", "0", "from 0.1 to 3600"),
        ("GOLIVE_HOOKS_LOG_LIMIT", "-1", "from 1024 to 1073741824"),
        ("PGCONNECT_TIMEOUT", "99999999999999999999", "from 1 to 3600"),
    ])
    func anInsaneNumberInTheEnvironmentIsIgnoredWithAWarningAndTheChangeSavedOnce(
        _ name: String, _ value: String, _ range: String
    ) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        cli.writeHook("cat >> \"$HOME/hook.jsonl\"\n")
        let before = try events(cli, store)
        let r = try note(cli, store, "called the sponsor", env: [name: value])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err == "golive: \(name)=\(value.prefix(20)) is not a number \(range): ignored\n")
        #expect(try events(cli, store) == before + 1)
        // On a loaded machine the hook may outlive the command's wait for it: wait for it
        // here (30 s at most), then count.
        let deadline = Date().addingTimeInterval(30)
        while text(cli.file("hook.jsonl")).isEmpty && Date() < deadline { usleep(50_000) }
        #expect(text(cli.file("hook.jsonl")).split(separator: "\n").count == 1)
    }

    @Test func aHookGetsOnlyDescriptorsZeroOneAndTwo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        cli.writeHook("ls -l /proc/self/fd > \"$HOME/fds.txt\"\n")
        let r = try note(cli, store, "called the sponsor")
        #expect(r.status == 0, "\(r.err)")
        // On a loaded machine the hook may outlive the command's wait for it (30 s at most).
        let deadline = Date().addingTimeInterval(30)
        while text(cli.file("fds.txt")).isEmpty && Date() < deadline { usleep(50_000) }
        let listed = text(cli.file("fds.txt"))
        // Each line `lr-x------ … 3 -> /proc/1234/fd`: the descriptor and what it is.
        let open = listed.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let arrow = line.range(of: " -> ") else { return nil }
            let fd = line[..<arrow.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            return (fd, String(line[arrow.upperBound...]))
        }.sorted { Int($0.0) ?? -1 < Int($1.0) ?? -1 }
        #expect(open.map(\.0).prefix(3) == ["0", "1", "2"], "\(listed)")
        // Past those, only the folder `ls` itself reads: not golive's end of the socket, its
        // store or its log, nor what golive was itself given by whoever started it.
        let others = open.dropFirst(3).filter { !($0.1.hasPrefix("/proc/") && $0.1.hasSuffix("/fd")) }
        #expect(others.isEmpty, "\(listed)")
    }

    @Test func aHookGetsOnlyTheDocumentedVariablesAndNoSecret() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        cli.writeHook("env > \"$HOME/env.txt\"\n")
        let r = try cli.run(
            ["note", "Lumen Retail", "called the sponsor"] + Self.day,
            env: ["GOLIVE_STORE": store, "GOLIVE_TEST_SECRET": "hunter2", "PGPASSWORD": "hunter3", "LC_TIME": "C"])
        #expect(r.status == 0, "\(r.err)")
        let env = text(cli.file("env.txt"))
        #expect(!env.contains("hunter"), "\(env)")
        let names = Set(env.split(separator: "\n").map { String($0.prefix { $0 != "=" }) })
        let documented: Set = [
            "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "GOLIVE_STORE", "GOLIVE_EVENT_ID",
        ]
        // The shell that runs the hook adds PWD (and, some, OLDPWD and SHLVL) itself.
        let shells: Set = ["PWD", "OLDPWD", "SHLVL", "_"]
        let unexpected = names.filter {
            !documented.contains($0) && !shells.contains($0) && !$0.hasPrefix("LC_") && !$0.hasPrefix("XDG_")
        }
        #expect(unexpected.isEmpty, "\(env)")
        #expect(env.contains("GOLIVE_STORE=\(store)\n"), "\(env)")
        #expect(env.contains("LC_TIME=C\n") && env.contains("HOME=\(cli.home)\n"), "\(env)")
        let last = try #require(try cli.run(["events", "--store", store]).out.split(separator: "\n").last)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let id = try #require(event["id"] as? Int)
        #expect(env.contains("GOLIVE_EVENT_ID=\(id)\n"), "\(env)")
    }

    @Test func aTeamStoresHookGetsItsURLWithoutThePassword() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let server = PostgresServer.shared
        let url = try server.newDatabase()
        #expect(try cli.run(["seed", "--accounts", "3", "--store", url] + Self.day).status == 0)
        cli.writeHook("env > \"$HOME/env.txt\"\n")
        // An account named by its id: seeds number them from 1.
        let r = try cli.run(["note", "1", "called the sponsor"] + Self.day, env: ["GOLIVE_STORE": url])
        #expect(r.status == 0, "\(r.err)")
        let env = text(cli.file("env.txt"))
        #expect(!env.contains(server.password), "\(env)")
        #expect(env.contains("GOLIVE_STORE=postgresql://postgres@127.0.0.1:\(server.port)/"), "\(env)")
    }

    /// A hook that is not the user's alone is not run: said once on standard error, in
    /// the log, and the change is still saved.
    func expectRefused(_ cli: CLI, _ store: String, _ reason: String) throws {
        let before = try events(cli, store)
        let r = try note(cli, store, "called the sponsor")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("saved: "), "\(r.out)")
        #expect(try events(cli, store) == before + 1)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("golive: on-change not run: "), "\(r.err)")
        #expect(r.err.contains(reason), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.file("ran")))
        let log = text(cli.file("data/golive/hooks.log"))
        #expect(log.contains("on-change not run: ") && log.contains(reason), "\(log)")
    }

    @Test func aHookAnyoneMayChangeIsNotRun() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let path = cli.writeHook("touch \"$HOME/ran\"\n")
        chmod(path, 0o757)
        try expectRefused(cli, store, "\(path) may be changed by anyone (chmod go-w \(path))")
    }

    @Test func aHookInAFolderItsGroupMayChangeIsNotRun() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let folder = (cli.writeHook("touch \"$HOME/ran\"\n") as NSString).deletingLastPathComponent
        chmod(folder, 0o775)
        try expectRefused(cli, store, "\(folder) may be changed by its group")
    }

    @Test func aHookBelowAFolderAnyoneMayChangeIsNotRun() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let hooks = (cli.writeHook("touch \"$HOME/ran\"\n") as NSString).deletingLastPathComponent
        let above = (hooks as NSString).deletingLastPathComponent
        chmod(above, 0o777)
        try expectRefused(cli, store, "\(above) may be changed by anyone")
    }

    /// Only root may hand a file to another user: run as root (as CI does), else skipped.
    @Test(.enabled(if: geteuid() == 0)) func aHookAnotherUserOwnsIsNotRun() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let path = cli.writeHook("touch \"$HOME/ran\"\n")
        #expect(chown(path, 65534, 65534) == 0)
        try expectRefused(cli, store, "\(path) belongs to another user (uid 65534)")
    }

    @Test func theHooksLogIsRenamedPastItsLimitAndBegunAgain() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        // A hook that succeeds and says 700 bytes on its standard error each time.
        cli.writeHook("cat > /dev/null\nprintf '%0700d' 0 >&2\n")
        let log = cli.file("data/golive/hooks.log")
        let limit = ["GOLIVE_HOOKS_LOG_LIMIT": "1024"]
        for (n, size) in [700, 1400, 700].enumerated() {
            #expect(try note(cli, store, "note \(n)", env: limit).status == 0)
            #expect(cli.bytes(log)?.count == size, "after \(n + 1) changes")
        }
        // The third found 1,400 bytes, over the limit: those are now the previous log.
        #expect(cli.bytes(log + ".1")?.count == 1400)
        #expect(try note(cli, store, "note 3", env: limit).status == 0)
        #expect(cli.bytes(log)?.count == 1400)
        #expect(cli.bytes(log + ".1")?.count == 1400)
    }
}
