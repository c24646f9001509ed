import Foundation
import Testing

/// Faults while the board runs, through the real binary in tmux: a full disk, a store
/// another process holds, a store file taken away.
@Suite(.serialized)
struct StoreFaultEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    func sqlite(_ store: String, _ sql: String) throws -> String {
        try spawnAndWait(["sqlite3", store, sql]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func events(_ store: String) throws -> Int {
        Int(try sqlite(store, "SELECT count(*) FROM events WHERE who = 'tester'")) ?? -1
    }

    /// The screen's last line: the status line when there is a message, else the key bar.
    /// The last two lines: a status message longer than its line takes two.
    func statusLine(_ t: Tmux) -> String {
        t.shown.split(separator: "\n").suffix(2).joined(separator: "\n")
    }

    /// Presses `x` on the first task of the lane and waits for the status line to answer
    /// (`g` alone brings back the key bar). A refusal repeated word for word leaves the
    /// line as it was: then it waits 3 s.
    func toggleFirstTask(_ t: Tmux) throws -> String {
        let before = statusLine(t)
        try t.keys("g", "x")
        _ = t.waitUntil(timeout: 3) {
            let now = statusLine(t)
            return now != before && !now.contains("? help")
        }
        return statusLine(t)
    }

    /// A real full disk: the store on a 3 MB filesystem that a filler file then fills.
    @Test func aFullDiskRefusesTheChangeKeepsTheStoreSoundAndTheNextChangeAfterSpaceIsFreedIsSaved() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let disk = cli.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mounted = try spawnAndWait(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk])
        try #require(
            mounted.status == 0, "mounting a 3 MB tmpfs needs root (as CI runs) or CAP_SYS_ADMIN: \(mounted.out)")
        defer { _ = try? spawnAndWait(["umount", "-l", disk]) }
        let store = "\(disk)/s.sqlite"
        #expect(
            try cli.run(["seed", "--store", store, "--accounts", "30", "--seed", "3", "--as-of", "2026-11-22"])
                .status == 0)
        let t = try Tmux.board(cli, store)
        defer { t.stop() }
        try t.openFirstAccount()
        #expect(try toggleFirstTask(t).contains("saved:"), "\(t.shown)")
        #expect(try events(store) == 1)

        // Fill every free byte; SQLite may still fit a change in the log's last page, so
        // toggle until one is refused, each answer checked against the store.
        let filler = "\(disk)/filler"
        _ = try spawnAndWait(["dd", "if=/dev/zero", "of=\(filler)", "bs=16k"])
        var saved = 1
        var refusal: String?
        for _ in 0..<20 where refusal == nil {
            let answer = try toggleFirstTask(t)
            if answer.contains("disk full") {
                refusal = answer
            } else {
                #expect(answer.contains("saved:"), "\(t.shown)")
                saved += 1
            }
            #expect(try events(store) == saved, "the store and the screen disagree after: \(answer)")
        }
        let said = try #require(refusal, "20 changes fitted on a full disk:\n\(t.shown)")
        #expect(said.contains("disk full: nothing was changed"))
        #expect(try sqlite(store, "PRAGMA integrity_check") == "ok")
        #expect(t.running, "the board stopped on a full disk")

        try FileManager.default.removeItem(atPath: filler)
        #expect(try toggleFirstTask(t).contains("saved:"), "\(t.shown)")
        #expect(try events(store) == saved + 1)
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running }, "did not quit")
        #expect(try sqlite(store, "PRAGMA integrity_check") == "ok")
    }

    /// sqlite3 holds a write transaction for 3 s: the key is answered while it does, and
    /// the change is saved once it lets go.
    @Test func aChangeWhileAnotherProgramHoldsTheStoreIsAnsweredAtOnceAndSavedWhenItLetsGo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux.board(cli, store)
        defer { t.stop() }
        try t.openFirstAccount()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The holder waits its turn for the lock (the board may be writing as it starts; under a
        // sanitizer on a loaded machine it was), then keeps it long enough for two keys.
        holder.arguments = [
            "-c", "printf '.timeout 10000\\nBEGIN IMMEDIATE;\\n.shell sleep 5\\nCOMMIT;\\n' | sqlite3 '\(store)'",
        ]
        try holder.run()
        defer { holder.waitUntilExit() }
        // The lock is held once a second writer is turned away.
        #expect(
            t.waitUntil {
                (try? spawnAndWait(["sqlite3", store, "BEGIN IMMEDIATE; ROLLBACK;"]).status) != 0
            })
        try t.keys("g", "x")
        #expect(try t.waitFor("the store is busy"), "\(t.shown)")
        #expect(try events(store) == 0)
        try t.keys("j", "x")
        #expect(try t.waitFor("still saving your last change"), "\(t.shown)")
        #expect(try t.waitFor("saved:"), "\(t.shown)")
        holder.waitUntilExit()
        // Read at once: a second connection in the board's process once dropped its locks,
        // and the log went with the last program to close (see StoreOpeningTests).
        #expect(try events(store) == 1)
        #expect(FileManager.default.fileExists(atPath: store + "-wal"), "the running board's log was deleted")
        #expect(try sqlite(store, "PRAGMA integrity_check") == "ok")
    }

    /// `rm` on the store while the board runs: the board writes back what it held (it
    /// still has the file open) and refuses changes from then on.
    @Test func aStoreFileDeletedUnderTheBoardIsWrittenBackAndLaterChangesAreRefused() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux.board(cli, store)
        defer { t.stop() }
        try t.openFirstAccount()
        #expect(try toggleFirstTask(t).contains("saved:"), "\(t.shown)")
        try FileManager.default.removeItem(atPath: store)
        #expect(try t.waitFor("store file deleted: changes refused — everything saved is in"), "\(t.shown)")
        #expect(try events(store) == 1)
        #expect(try sqlite(store, "PRAGMA integrity_check") == "ok")
        try t.keys("g", "x")
        #expect(try t.waitFor("nothing was changed — store file deleted"), "\(t.shown)")
        #expect(try events(store) == 1)
        #expect(try t.waitFor("[RO]"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running }, "did not quit")
    }
}
