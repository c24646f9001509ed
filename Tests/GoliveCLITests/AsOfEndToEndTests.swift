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
        let t = try Tmux.board(cli, store, user: "lead")
        defer { t.stop() }
        try t.openFirstAccount()
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
        let t = try Tmux.board(cli, store, asOf: "2026-11-20", user: "lead", waitFor: "showing 2026-11-20 as it was")
        defer { t.stop() }
        #expect(t.shown.contains("[RO]"))
        try t.openFirstAccount()
        // A changing key is answered at once, before any question, as on any read-only board.
        try t.keys("!")
        #expect(try t.waitFor("a past day cannot be changed"), "\(t.shown)")
        #expect(t.running && t.shown.contains("Internal ("))
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        #expect(try cli.run(["export", "--store", store]).out == exported)
    }

    @Test func aPastDaysCopyOfTheStoreGoesWhenThePaneIsClosedOrTheBoardKilled() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let tmp = cli.file("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        func copies() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []).filter { $0.hasPrefix("golive-as-of-") }
        }
        func board() throws -> Tmux {
            let t = try Tmux(
                cli: cli, command: "TMPDIR=\(tmp) \(CLI.binary) --store \(store) --as-of 2026-11-20 --user lead")
            #expect(try t.waitFor("showing 2026-11-20 as it was"), "\(t.shown)")
            #expect(!copies().isEmpty)
            return t
        }
        // Closing the pane hangs the board up (SIGHUP): it ends through `exit`.
        let closed = try board()
        try closed.tmux(["kill-session", "-t", "app"])
        #expect(closed.waitUntil { copies().isEmpty }, "\(copies())")
        closed.stop()
        // Killed outright, it cannot clean up: the next past day does.
        let killed = try board()
        // golive itself, not the tmux server whose arguments name it too.
        let pattern = "^\(CLI.binary) --store \(store) "
        #expect(try spawnAndWait(["pkill", "-KILL", "-f", pattern]).status == 0)
        // Gone, or a zombie no one collects (its command line is then empty).
        #expect(killed.waitUntil { (try? spawnAndWait(["pgrep", "-f", pattern]))?.status == 1 })
        killed.stop()
        let left = copies()
        #expect(!left.isEmpty)
        let r = try cli.run(["report", "stalled", "--store", store, "--as-of", "2026-11-20"], env: ["TMPDIR": tmp])
        #expect(r.status == 0, "\(r.err)")
        #expect(copies().isEmpty, "\(copies())")
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

/// What changed, through the real binary: the report in every format and the screen.
@Suite(.serialized)
struct ChangesEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    @Test func theChangesReportComesInEveryFormatAndRefusesWhatItCannotDo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        for format in ["table", "json", "csv", "markdown"] {
            let r = try cli.run([
                "report", "changes", "--store", store, "--as-of", "2026-11-22", "--since", "2026-11-20", "--format",
                format,
            ])
            #expect(r.status == 0, "\(format): \(r.err)")
            #expect(!r.out.isEmpty)
        }
        let md = try cli.run([
            "report", "changes", "--store", store, "--as-of", "2026-11-22", "--since", "2026-11-20", "--format",
            "markdown",
        ])
        #expect(md.out.hasPrefix("# What changed since 2026-11-20\n"))
        // Someone who never reviewed gets the last 7 days, as on the Changes screen, told so on stderr.
        let never = try cli.run([
            "report", "changes", "--store", store, "--as-of", "2026-11-22", "--user", "zoe", "--format", "markdown",
        ])
        #expect(never.status == 0, "\(never.err)")
        #expect(
            never.err
                == "golive: zoe has not marked any account reviewed yet (v in the stalled review): "
                + "the last 7 days (--since DAY for others)\n")
        #expect(never.out.hasPrefix("# What changed in the last 7 days (no review yet)\n"), "\(never.out.prefix(80))")
        let week = try cli.run([
            "report", "changes", "--store", store, "--as-of", "2026-11-22", "--since", "2026-11-16", "--format", "csv",
        ])
        let fallback = try cli.run([
            "report", "changes", "--store", store, "--as-of", "2026-11-22", "--user", "zoe", "--format", "csv",
        ])
        #expect(fallback.status == 0 && fallback.out == week.out && !week.out.isEmpty)
        let wrong = try cli.run(["report", "portfolio", "--store", store, "--since", "2026-11-20"])
        #expect(wrong.status != 0 && wrong.err.contains("--since is for `report changes` only"), "\(wrong.err)")
        let bad = try cli.run(["report", "changes", "--store", store, "--since", "someday"])
        #expect(bad.status != 0 && bad.err.contains("--since 'someday' is not a date"), "\(bad.err)")
    }

    @Test func theChangesScreenOpensOnFiveAndEnterOpensTheAccount() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux.board(cli, store, user: "lead")
        defer { t.stop() }
        try t.keys("5")
        #expect(try t.waitFor("in the last 7 days (no review yet)"), "\(t.shown)")
        #expect(t.shown.contains("accounts changed"))
        try t.keys("Enter")
        #expect(try t.waitFor("Internal ("), "\(t.shown)")
        try t.keys("q")
        #expect(try t.waitFor("accounts changed"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
    }
}
