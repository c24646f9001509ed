import Foundation
import GoliveTestSupport
import Testing

/// Stores a user may not write, checked as an unprivileged user (`setpriv` to nobody):
/// root, which CI runs as, may write anything.
@Suite(.serialized)
struct PermissionTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv (util-linux) is needed")
    }

    /// Runs golive as nobody with the test's HOME.
    func asNobody(_ cli: CLI, _ args: [String]) throws -> (status: Int32, out: String) {
        try WritePaths.check(arguments: args, folder: cli.home)
        return try spawnAndWait(
            [
                "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/usr/bin/env", "HOME=\(cli.home)", "XDG_DATA_HOME=\(cli.home)/data",
                "XDG_CONFIG_HOME=\(cli.home)/config",
                "/bin/sh", "-c", "\"$0\" \"$@\" 2>&1", CLI.binary,
            ] + args)
    }

    func prepared() throws -> (CLI, String) {
        let cli = CLI()
        let store = cli.file("p.sqlite")
        #expect(try cli.run(["seed", "--store", store, "--accounts", "5", "--as-of", "2026-11-22"]).status == 0)
        // Others may enter the folder and read the file, but not write either.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.home)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store)
        return (cli, store)
    }

    @Test func aStoreTheUserCannotWriteIsRefusedForChangesAndUntouched() throws {
        let (cli, store) = try prepared()
        defer { cli.cleanup() }
        let before = cli.bytes(store)
        let seed = try asNobody(cli, ["seed", "--accounts", "1", "--store", store])
        #expect(seed.status == 1 && seed.out.contains("is read-only for this user: nothing was changed"), "\(seed.out)")
        let header = "Account Name,CSM,Segment,ARR,Contract Signed\n"
        cli.write("one.csv", header + "Zed,Ana,smb,1,2026-01-02\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.file("one.csv"))
        let imported = try asNobody(cli, ["import", cli.file("one.csv"), "--store", store])
        #expect(imported.status == 1 && imported.out.contains("read-only"), "\(imported.out)")
        // Reading still works: reports and the board (which opens read-only by itself).
        let report = try asNobody(cli, ["report", "portfolio", "--store", store, "--as-of", "2026-11-22"])
        #expect(report.status == 0, "\(report.out)")
        #expect(cli.bytes(store) == before)
    }

    @Test func aFolderWithoutWritePermissionGetsAClearMessage() throws {
        let (cli, _) = try prepared()
        defer { cli.cleanup() }
        let locked = cli.file("locked")
        try FileManager.default.createDirectory(
            atPath: locked, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o555])
        let r = try asNobody(cli, ["seed", "--accounts", "1", "--store", locked + "/p.sqlite"])
        #expect(
            r.status == 1 && r.out.contains("cannot create the store \(locked)/p.sqlite: Permission denied"), "\(r.out)"
        )
        #expect(!FileManager.default.fileExists(atPath: locked + "/p.sqlite"))
    }

    @Test func aStoreTheUserCannotReadIsNamed() throws {
        let (cli, store) = try prepared()
        defer { cli.cleanup() }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: store)
        let r = try asNobody(cli, ["report", "stalled", "--store", store])
        #expect(r.status == 1 && r.out.contains("cannot read the store \(store): permission denied"), "\(r.out)")
    }
}
