import Foundation
import Testing

/// A `-wal` beside the store that is not its own (another database's log copied there) is
/// never replayed into the store: golive refuses before opening it, naming the file to move
/// away, and leaves the store and the stray log byte for byte as they were.
@Suite(.serialized)
struct ForeignLogEndToEndTests {
    /// Writes a log with Python's sqlite3: a database at `database` in WAL mode, rows
    /// written and never checkpointed, its `-wal` copied to `to` while still open.
    func log(of database: String, pageSize: Int, sql: String, copiedTo to: String, cli: CLI) throws {
        let script = """
            import shutil, sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("PRAGMA page_size = \(pageSize)")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA wal_autocheckpoint = 0")
            db.executescript(sys.argv[3])
            db.commit()
            shutil.copyfile(sys.argv[1] + "-wal", sys.argv[2])
            db.close()
            """
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let r = try cli.runProgram("/usr/bin/env", ["python3", "-c", script, database, to, sql], env: ["HOME": home])
        try #require(r.status == 0, "python3: \(r.err)")
    }

    static let foreignRows = """
        CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
        INSERT INTO notes(body) SELECT printf('%.300c', 'x') FROM n;
        """

    @Test(arguments: [4096, 1024])
    func anotherDatabasesLogBesideTheStoreIsRefusedAndNeitherIsTouched(pageSize: Int) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        try log(
            of: cli.file("other.sqlite"), pageSize: pageSize, sql: Self.foreignRows, copiedTo: store + "-wal", cli: cli)
        let storeBefore = cli.bytes(store)
        let logBefore = cli.bytes(store + "-wal")
        let csv = cli.write("one.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nZed,Ana,smb,1000,2026-11-01\n")
        for args in [
            ["import", csv, "--store", store, "--as-of", "2026-11-22"], ["report", "stalled", "--store", store],
            ["escalate", "1", "why", "--store", store, "--as-of", "2026-11-22"],
        ] {
            let r = try cli.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(
                r.err == "golive: \(store)-wal is not the log of the store \(store) (another database's, or damaged): "
                    + "move it away and try again — nothing was changed\n", "\(args): \(r.err)")
            #expect(cli.bytes(store) == storeBefore, "\(args): the store changed")
            #expect(cli.bytes(store + "-wal") == logBefore, "\(args): the stray log changed")
            #expect(!FileManager.default.fileExists(atPath: store + "-shm"), "\(args): something opened the store")
        }
        // Moved away, as the message says: the store is whole.
        #expect(rename(store + "-wal", cli.file("stray-wal")) == 0)
        #expect(try cli.run(["report", "stalled", "--store", store]).status == 0)
    }

    @Test func theStoresOwnLogLeftByAKilledWriterIsReplayed() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let kept = cli.file("own-wal")
        try log(
            of: store, pageSize: 4096, sql: "UPDATE accounts SET name = name || ' (renamed)' WHERE id = 1;",
            copiedTo: kept, cli: cli)
        // The store as a writer killed after its commit left it: the file before the
        // change, the change in its log, no shared memory.
        #expect(
            try spawnAndWait([
                "sqlite3", store, "UPDATE accounts SET name = replace(name, ' (renamed)', '') WHERE id = 1",
            ]).status == 0)
        try FileManager.default.copyItem(atPath: kept, toPath: store + "-wal")
        let r = try cli.run(["report", "stalled", "--store", store, "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.err)")
        let name = try spawnAndWait(["sqlite3", store, "SELECT name FROM accounts WHERE id = 1"]).out
        #expect(name.contains("(renamed)"), "the log's change is not there: \(name)")
    }
}
