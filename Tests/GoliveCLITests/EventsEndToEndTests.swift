import Foundation
import GoliveTestSupport
import Testing

/// `golive events` through the real binary: every change one JSON line, `--after` resuming
/// without a gap or a repeat, and `--follow` printing another process's commits as they
/// come — on a file and on a team store.
struct EventsEndToEndTests {
    @Test func theStreamResumesAfterAnIdWithoutGapsOrRepeats() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let all = try cli.run(["events", "--store", store])
        #expect(all.status == 0, "\(all.err)")
        let lines = all.out.split(separator: "\n").map(String.init)
        #expect(lines.count > 800)
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let ids = objects.compactMap { $0["id"] as? Int }
        #expect(ids == Array(1...ids.count))
        for key in ["at", "who", "account_id", "account", "kind", "before", "after", "detail", "words", "task_id"] {
            #expect(objects.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        // Never an event kind where a person reads what happened.
        #expect(objects.allSatisfy { ($0["words"] as? String).map { !$0.contains("task.") } == true })
        let middle = ids[ids.count / 2]
        let rest = try cli.run(["events", "--store", store, "--after", "\(middle)"]).out
        #expect(lines.prefix(ids.count / 2 + 1).joined(separator: "\n") + "\n" + rest == all.out)
        let bad = try cli.run(["events", "--store", store, "--after=-3"])
        #expect(bad.status != 0 && bad.err.contains("--after -3 is not an event id"), "\(bad.err)")
    }

    @Test(arguments: ["file", "team"])
    func aFollowerPrintsAnotherProcesssCommitsAsTheyCome(kind: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = kind == "file" ? try cli.seededStore() : try TeamStoreBoardEndToEndTests.teamStore(cli).url
        let before = try cli.run(["events", "--store", store]).out.split(separator: "\n").count
        let follower = Process()
        follower.executableURL = URL(fileURLWithPath: CLI.binary)
        follower.arguments = ["events", "--follow", "--after", "\(before)", "--store", store]
        follower.environment = ["HOME": cli.home, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        follower.standardOutput = out
        follower.standardError = FileHandle.nullDevice
        try follower.run()
        defer {
            follower.terminate()
            follower.waitUntilExit()
        }
        // Should nothing come, the follower is ended so that the read below ends too.
        let pid = follower.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { kill(pid, SIGKILL) }
        usleep(500_000)  // it has printed nothing and waits
        let csv = cli.write(
            "new.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nZephyr Ltd,Ana,smb,9000,2026-11-22\n")
        let imported = try cli.run(["import", csv, "--store", store, "--as-of", "2026-11-22"])
        #expect(imported.status == 0, "\(imported.err)")
        // The import's events, read as they arrive (availableData waits for the next bytes).
        var received = ""
        let deadline = Date().addingTimeInterval(10)
        while !received.contains("\"kind\":\"account.created\"") && Date() < deadline {
            received += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(received.contains("\"account\":\"Zephyr Ltd\""), "\(received)")
        let first = try #require(received.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["id"] as? Int == before + 1)
    }
}

/// A follower whose store goes away says so and ends; one whose team store's server
/// restarts reconnects and goes on where it was.
struct EventsFollowerEndToEndTests {
    static let newAccount = "Account Name,CSM,Segment,ARR,Contract Signed\nZephyr Ltd,Ana,smb,9000,2026-11-22\n"

    /// A follower started on `store` that has printed the store's last event, so it is
    /// following; with the number of events before it.
    static func following(_ cli: CLI, _ store: String) throws -> (Follower, Int) {
        let before = try cli.run(["events", "--store", store]).out.split(separator: "\n").count
        let follower = try Follower(cli, ["--after", "\(before - 1)", "--store", store])
        #expect(follower.waitFor { $0.ids == [before] }, "\(follower.out) \(follower.err)")
        return (follower, before)
    }

    @Test func aFollowerWhoseStoreIsDamagedInPlaceSaysSoInWordsAndExitsWithStatus3() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let (follower, _) = try Self.following(cli, store)
        defer { follower.stop() }
        #expect(truncate(store, 8192) == 0)
        // Another program's write makes the follower look again.
        _ = try cli.run(["note", "1", "after the damage", "--store", store, "--as-of", "2026-11-22"])
        #expect(follower.exitStatus() == 3, "\(follower.err)")
        #expect(follower.err.hasPrefix("golive: the store file \(store) can no longer be read ("), "\(follower.err)")
        #expect(!follower.err.contains("while executing") && follower.err.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["deleted", "moved"])
    func aFollowerWhoseStoreFileIsTakenAwayPrintsWhatWasSavedThenSaysSoAndExitsWithStatus3(_ how: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let (follower, before) = try Self.following(cli, store)
        defer { follower.stop() }
        let imported = try cli.run(["import", cli.write("new.csv", Self.newAccount), "--store", store])
        #expect(imported.status == 0, "\(imported.err)")
        let elsewhere = cli.file("elsewhere.sqlite")
        if how == "deleted" {
            try FileManager.default.removeItem(atPath: store)
        } else {
            #expect(rename(store, elsewhere) == 0)
        }
        #expect(follower.exitStatus() == 3, "\(follower.err)")
        #expect(follower.out.contains("\"account\":\"Zephyr Ltd\""), "\(follower.out)")
        let ids = follower.ids
        #expect(ids == Array(before...(ids.last ?? before)))
        let said = how == "deleted" ? "was deleted" : "was moved to \(elsewhere)"
        #expect(follower.err == "golive: the store file \(store) \(said): stopped following (exit status 3)\n")
    }

    @Test func aFollowerWhoseStoreFileIsReplacedByAnotherStoreSaysSoAndExitsWithStatus3() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let other = cli.file("other.sqlite")
        #expect(try cli.run(["seed", "--accounts", "2", "--store", other, "--as-of", "2026-11-22"]).status == 0)
        let (follower, _) = try Self.following(cli, store)
        defer { follower.stop() }
        #expect(rename(other, store) == 0)
        #expect(follower.exitStatus() == 3, "\(follower.err)")
        #expect(follower.err.contains("the store file \(store) was replaced by another file"), "\(follower.err)")
        #expect(follower.err.split(separator: "\n").count == 1, "\(follower.err)")
        #expect(!follower.err.contains("golive --help"))
    }

    @Test func aTeamStoreFollowerReconnectsAfterTheServerRestartsAndPrintsEachEventOnce() throws {
        let server = try PostgresServer.own()
        defer { try? server.stop() }
        let cli = CLI()
        defer { cli.cleanup() }
        let url = try server.newDatabase()
        let seeded = try cli.run(["seed", "--accounts", "3", "--store", url, "--as-of", "2026-11-22"])
        #expect(seeded.status == 0, "\(seeded.err)")
        let (follower, before) = try Self.following(cli, url)
        defer { follower.stop() }
        try server.stop()
        #expect(follower.waitFor { $0.err.contains("lost the connection to postgresql://") }, "\(follower.err)")
        try server.start()
        let imported = try cli.run(["import", cli.write("new.csv", Self.newAccount), "--store", url])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(follower.waitFor { $0.out.contains("\"account\":\"Zephyr Ltd\"") }, "\(follower.out) \(follower.err)")
        #expect(follower.waitFor { $0.err.contains("golive: reconnected to postgresql://") }, "\(follower.err)")
        #expect(follower.process.isRunning)
        let ids = follower.ids
        #expect(ids == Array(before...(ids.last ?? before)), "\(ids)")
        let lines = follower.err.split(separator: "\n")
        #expect(lines.count == 2, "\(follower.err)")
        #expect(lines.first?.hasSuffix(": reconnecting") == true, "\(follower.err)")
        #expect(!follower.err.contains(server.password))
        #expect(!follower.err.contains("golive --help"))
    }

    @Test func aTeamStoreFollowerGivesUpAtOnceWhenTheServerRefusesItsPasswordOnReconnecting() throws {
        let server = PostgresServer.shared
        let cli = CLI()
        defer { cli.cleanup() }
        let url = try server.newDatabase()
        #expect(try cli.run(["seed", "--accounts", "2", "--store", url, "--as-of", "2026-11-22"]).status == 0)
        let database = PostgresServer.database(of: url)
        let role = "follower_\(database.suffix(8))"
        try server.sql("CREATE ROLE \(role) LOGIN PASSWORD 'first-pw-1'")
        try server.sql(
            "GRANT USAGE ON SCHEMA golive TO \(role); GRANT SELECT ON ALL TABLES IN SCHEMA golive TO \(role)",
            database: database)
        let (follower, _) = try Self.following(cli, server.url(database: database, role: role, password: "first-pw-1"))
        defer { follower.stop() }
        try server.sql("ALTER ROLE \(role) PASSWORD 'second-pw-2'")
        try server.cut(database)
        #expect(follower.exitStatus() == 1, "\(follower.err)")
        #expect(follower.err.contains(": reconnecting\n"), "\(follower.err)")
        #expect(follower.err.contains("password authentication failed"), "\(follower.err)")
        #expect(!follower.err.contains("first-pw-1"), "\(follower.err)")
        #expect(!follower.err.contains("golive --help"), "\(follower.err)")
    }
}
