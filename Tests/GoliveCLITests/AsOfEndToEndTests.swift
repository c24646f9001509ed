import Foundation
import Testing

/// `--as-of` a past day through the real binary: reports as they stood then, whatever was
/// changed since, and a board that shows the day without letting anyone change it.
@Suite(.serialized)
struct AsOfEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    func reports(_ cli: CLI, _ store: String, asOf: String) throws -> [String] {
        try ["portfolio", "stalled", "metrics", "overdue"].map { kind in
            let r = try cli.run(["report", kind, "--store", store, "--as-of", asOf, "--format", "json"])
            #expect(r.status == 0, "\(r.err)")
            return r.out
        }
    }

    @Test func aPastDaysReportsAreTheSameAfterChangesOnTheBoardAndAnImport() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try reports(cli, store, asOf: "2026-11-20")
        let liveBefore = try reports(cli, store, asOf: "2026-11-22")
        // Changes on the seeded day: a task deleted and a note on the board, a new account.
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of 2026-11-22 --user lead")
        defer { t.stop() }
        #expect(try t.waitFor("accounts ("), "\(t.shown)")
        try t.keys("Enter")
        #expect(try t.waitFor("Internal ("), "\(t.shown)")
        try t.keys("D")
        try t.type("duplicate")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: deleted '"), "\(t.shown)")
        try t.keys("n")
        try t.type("called the champion")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: "), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        cli.write("new.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nZephyr Ltd,Ana,smb,9000,2026-11-22\n")
        let r = try cli.run(["import", cli.file("new.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.err)")

        #expect(try reports(cli, store, asOf: "2026-11-20") == before)
        let liveAfter = try reports(cli, store, asOf: "2026-11-22")
        #expect(liveAfter != liveBefore)
        #expect(liveAfter[0].contains("Zephyr Ltd") && !before[0].contains("Zephyr Ltd"))
    }

    @Test func aPastDayOnTheBoardSaysSoAndChangesNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let exported = try cli.run(["export", "--store", store]).out
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of 2026-11-20 --user lead")
        defer { t.stop() }
        #expect(try t.waitFor("showing 2026-11-20 as it was"), "\(t.shown)")
        #expect(t.shown.contains("[RO]"))
        try t.keys("Enter")
        #expect(try t.waitFor("Internal ("), "\(t.shown)")
        // The typing after a refused key never runs as commands.
        try t.keys("!")
        try t.type("xq")
        #expect(try t.waitFor("a past day cannot be changed"), "\(t.shown)")
        #expect(t.running)
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        #expect(try cli.run(["export", "--store", store]).out == exported)
    }

    @Test func aDayBeforeTheStoreKeptHistoryIsRefusedNamingTheEarliestOne() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let edit = try spawnAndWait([
            "sqlite3", store, "UPDATE events SET prior = NULL WHERE at < '2026-11-22' AND at >= '2026-11-21'",
        ])
        #expect(edit.status == 0, "\(edit.out)")
        let r = try cli.run(["report", "portfolio", "--store", store, "--as-of", "2026-11-15"])
        #expect(r.status != 0)
        #expect(r.err.contains("the earliest day it can show is 2026-11-21"), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1)
    }
}
