import Foundation
import GoliveTestSupport
import Testing

/// `golive backup` through the real binary: a sound, private, self-contained copy taken
/// while another process writes, that `golive restore` turns back into a store — a file or a
/// team store — with the same export.
struct BackupEndToEndTests {
    /// Each event's fields that do not depend on the accounts as they are now.
    static func history(_ cli: CLI, _ store: String) throws -> [String] {
        try cli.run(["events", "--store", store]).out.split(separator: "\n").map { line in
            let e = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return ["id", "at", "who", "kind", "before", "after", "detail"].map { "\(e[$0] ?? "")" }.joined(
                separator: "|")
        }
    }

    @Test func aBackupTakenWhileAnotherProcessWritesIsSoundAndRestoresTheStoreAsItWas() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let bench = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("golive-bench")
        let writer = Process()
        writer.executableURL = bench
        writer.arguments = ["write", "--store", store, "--actions", "400", "--seed", "3", "--user", "writer"]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        usleep(200_000)
        let backup = cli.file("backup.sqlite")
        let r = try cli.run(["backup", "--store", store, "--output", backup])
        writer.waitUntilExit()
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("(integrity ok)"))
        #expect(writer.terminationStatus == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: backup)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // One moment of the store: its history is the beginning of the store's, all of it.
        let then = try Self.history(cli, backup)
        let now = try Self.history(cli, store)
        #expect(then.count > 800 && then.count <= now.count)
        #expect(Array(now.prefix(then.count)) == then)
        // Reading it left nothing beside it: one file to keep.
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))
        let restored = cli.file("restored.sqlite")
        let back = try cli.run(["restore", backup, "--store", restored])
        #expect(back.status == 0, "\(back.err)")
        #expect(back.out.contains("from the backup"))
        #expect(try cli.run(["export", "--store", restored]).out == cli.run(["export", "--store", backup]).out)
        let again = try cli.run(["backup", "--store", store, "--output", backup])
        #expect(again.status == 1 && again.err.contains("exists: nothing was written (--force replaces it)"))
    }

    @Test func aBackupRestoresIntoATeamStoreAndATeamStoreIsBackedUpByItsServer() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (file, url) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        let backup = cli.file("b.sqlite")
        #expect(try cli.run(["backup", "--store", file, "--output", backup]).status == 0)
        let team = try PostgresServer.shared.newDatabase()
        let r = try cli.run(["restore", backup, "--store", team])
        #expect(r.status == 0, "\(r.err)")
        #expect(try cli.run(["export", "--store", team]).out == cli.run(["export", "--store", file]).out)
        let refused = try cli.run(["backup", "--store", url, "--output", cli.file("t.sqlite")])
        #expect(refused.status == 1 && refused.err.contains("back it up with the server's tools"), "\(refused.err)")
    }
}
