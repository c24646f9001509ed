import Foundation
import Testing

/// The lifecycle keys through the real binary in tmux, saved and back after a restart.
@Suite(.serialized)
struct LifecycleEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    @Test func aTaskDeletedAndAnEscalationResolvedAreSavedAndUndoable() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try board(cli, store)
        defer { t.stop() }
        try openFirstAccount(t)
        // Delete the selected task, with why; then bring it back.
        try t.keys("D")
        try t.type("duplicate of the kickoff task")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: deleted '"), "\(t.shown)")
        try t.keys("u")
        #expect(try t.waitFor("undone: deleted '"), "\(t.shown)")
        // Escalate to someone, then resolve it.
        try t.keys("!")
        try t.type("sponsor left")
        try t.keys("Enter")
        try t.type("VP Customer Success")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: escalated to VP Customer Success: sponsor left"), "\(t.shown)")
        try t.keys("R")
        try t.type("new sponsor named")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: escalation resolved: new sponsor named"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        let export = try cli.run(["export", "--store", store]).out
        for needle in [
            "\"task.deleted\"", "duplicate of the kickoff task", "\"to VP Customer Success\"",
            "new sponsor named",
        ] {
            #expect(export.contains(needle), "missing from the export: \(needle)")
        }
        let metrics = try cli.run(["report", "metrics", "--store", store, "--as-of", "2026-11-22", "--format", "csv"])
        #expect(metrics.out.contains("time_to_resolve_days"))
    }

    @Test func aHoldPausesTheClocksShowsOnTheBoardAndSurvivesARestore() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let stalled = ["report", "stalled", "--store", store, "--as-of", "2026-11-22", "--format", "csv"]
        let before = Set(try cli.run(stalled).out.split(separator: "\n"))
        let t = try board(cli, store)
        defer { t.stop() }
        try openFirstAccount(t)
        try t.keys("P")
        #expect(try t.waitFor("on hold — reason"), "\(t.shown)")
        try t.type("customer freeze")
        try t.keys("Enter")
        #expect(try t.waitFor("resume expected on"), "\(t.shown)")
        try t.keys("C-u")
        try t.type("2026-12-15")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: put on hold until about 2026-12-15: customer freeze"), "\(t.shown)")
        #expect(t.shown.contains("ON HOLD"))
        try t.keys("q")
        #expect(try t.waitFor("HOLD"), "\(t.shown)")
        try t.keys("q")
        #expect(t.waitUntil { !t.running })
        // Out of the stalled report while on hold, however far past its SLA it was.
        let after = Set(try cli.run(stalled).out.split(separator: "\n"))
        #expect(after.isSubset(of: before) && before.count - after.count == 1, "\(before.subtracting(after))")
        let held = try cli.run(["export", "--store", store]).out
        #expect(held.contains("\"expected_resume\" : \"2026-12-15\""), "\(held.prefix(400))")
        let portfolio = try cli.run([
            "report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "json",
        ])
        #expect(portfolio.out.contains("\"on_hold_since\" : \"2026-11-22\""), "\(portfolio.out.prefix(600))")
        // Export → restore → export gives the same document, hold included.
        try expectRestoredTheSame(held, cli)
        // Resume a week later: the history says how long it lasted.
        let u = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of 2026-11-29 --user tester")
        defer { u.stop() }
        #expect(try u.waitFor("accounts ("), "\(u.shown)")
        try u.keys("/")
        try u.type("hold")
        try u.keys("Enter", "Enter")
        #expect(try u.waitFor("P resumes"), "\(u.shown)")
        try u.keys("P")
        try u.type("freeze lifted")
        try u.keys("Enter")
        #expect(try u.waitFor("saved: resumed after 7 days on hold: freeze lifted"), "\(u.shown)")
    }

    @Test func replanningKeepsTheFirstPlanAndShiftsWhatAMovedTaskPushesOut() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try board(cli, store)
        defer { t.stop() }
        try openFirstAccount(t)
        for (day, why) in [("2027-01-08", "security review slipped"), ("2027-01-15", "customer holidays")] {
            try t.keys("T")
            #expect(try t.waitFor("go-live, +N from "), "\(t.shown)")
            try t.keys("C-u")
            try t.type(day)
            try t.keys("Enter")
            #expect(try t.waitFor("why does the go-live move to \(day)?"), "\(t.shown)")
            try t.type(why)
            try t.keys("Enter")
            // The reason, then what moved with it (Transition to success keeps its days after it).
            #expect(try t.waitFor("→ \(day) (\(why)"), "\(t.shown)")
        }
        #expect(try t.waitFor("moved 2×"), "\(t.shown)")
        #expect(t.shown.contains("go-live moved 2 times"), "the repeated slip is a reason: \(t.shown)")
        // A task moved past the work waiting on it: the question names it; y moves it too.
        try t.keys("d", "C-u")
        try t.type("2027-01-20")
        try t.keys("Enter")
        #expect(try t.waitFor("y/n — also moves"), "\(t.shown)")
        try t.type("y")
        try t.keys("Enter")
        // It moves checkpoints: one reason for all of them, asked after y.
        #expect(try t.waitFor("move with"), "\(t.shown)")
        try t.type("kickoff moved")
        try t.keys("Enter")
        #expect(try t.waitFor("also moved:"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        let export = try cli.run(["export", "--store", store]).out
        for needle in ["\"checkpoint.moved\"", "security review slipped", "\"moves\" : 2", "\"baseline\" : "] {
            #expect(export.contains(needle), "missing from the export: \(needle)")
        }
        try expectRestoredTheSame(export, cli)
        let metrics = try cli.run(["report", "metrics", "--store", store, "--as-of", "2026-11-22", "--format", "csv"])
        #expect(metrics.out.contains("go_live_moved_percent"))
        let portfolio = try cli.run([
            "report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "csv",
        ])
        // Two moves by T, and a third the task's move carried (a plan is never out of order).
        #expect(portfolio.out.contains("3× from "), "\(portfolio.out.prefix(600))")
        #expect(portfolio.out.contains("go-live moved 3 times"))
    }

    @Test func touchpointsAreMarkedHeldOrMissedAndAddedFromTheKeyboard() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try board(cli, store)
        defer { t.stop() }
        try openFirstAccount(t)
        try t.keys("t")
        #expect(try t.waitFor("Touchpoints — "), "\(t.shown)")
        // Every touchpoint of this account was marked: the last is selected, and x on a held
        // one takes it back to planned; x again asks what came of it.
        try t.keys("x")
        #expect(try t.waitFor("back to planned"), "\(t.shown)")
        try t.keys("x")
        #expect(try t.waitFor("what came of it"), "\(t.shown)")
        try t.type("agreed the rollout plan")
        try t.keys("Enter")
        #expect(try t.waitFor("held: agreed the rollout plan"), "\(t.shown)")
        try t.keys("k", "k", "X")
        #expect(try t.waitFor("saved: touchpoint"), "\(t.shown)")
        #expect(t.shown.contains("missed"), "\(t.shown)")
        try t.keys("a", "C-u")
        try t.type("2026-12-02")
        try t.keys("Enter")
        try t.type("IT lead")
        try t.keys("Enter")
        try t.type("call")
        try t.keys("Enter")
        try t.type("SSO walkthrough")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: touchpoint 'SSO walkthrough' added for 2026-12-02"), "\(t.shown)")
        try t.keys("q", "q", "q")
        #expect(t.waitUntil { !t.running })
        let export = try cli.run(["export", "--store", store]).out
        for needle in ["agreed the rollout plan", "\"touchpoint.missed\"", "SSO walkthrough", "\"state\" : \"held\""] {
            #expect(export.contains(needle), "missing from the export: \(needle)")
        }
        try expectRestoredTheSame(export, cli)
    }

    @Test func anIncompleteHandoffRecordIsAReasonUntilCompletedWithContacts() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try board(cli, store)
        defer { t.stop() }
        try t.keys("/")
        try t.type("stage:handoff")
        try t.keys("Enter", "Enter")
        #expect(try t.waitFor("stage Handoff"), "\(t.shown)")
        // Leave the requirements out: the record lacks them, which is a reason; then fill it in.
        for requirements in ["", "SSO and a nightly export"] {
            try t.keys("O")
            for answer in [
                "one view of every shipment", requirements, "champion: Mia Vogel <mia@acme.example>", "none",
            ] {
                #expect(try t.waitFor("handoff "), "\(t.shown)")
                try t.keys("C-u")
                if !answer.isEmpty { try t.type(answer) }
                try t.keys("Enter")
            }
            if requirements.isEmpty {
                #expect(try t.waitFor("handoff record lacks technical requirements"), "\(t.shown)")
            }
        }
        #expect(try t.waitFor("saved: handoff record edited"), "\(t.shown)")
        #expect(!t.shown.contains("handoff record lacks"), "no reason left: \(t.shown)")
        // Leaving Handoff is held up by the rest of its gates only.
        try t.keys(">")
        #expect(try t.waitFor("cannot leave Handoff") || t.shown.contains("saved: stage"), "\(t.shown)")
        #expect(!t.shown.contains("handoff record lacks"))
        try t.keys("Escape", "q", "q")
        #expect(t.waitUntil { !t.running })
        let export = try cli.run(["export", "--store", store]).out
        #expect(export.contains("\"contact\" : \"mia@acme.example\""))
        try expectRestoredTheSame(export, cli)
    }

    /// Export → restore into a new store → export gives the same document.
    func expectRestoredTheSame(_ export: String, _ cli: CLI, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = cli.file("export.json")
        try export.write(toFile: file, atomically: true, encoding: .utf8)
        let copy = cli.file("copy.sqlite")
        _ = try cli.run(["restore", file, "--store", copy])
        #expect(try cli.run(["export", "--store", copy]).out == export, sourceLocation: sourceLocation)
    }

    /// The board on the seeded store, as the tester, on the seeding day; shown when it returns.
    func board(_ cli: CLI, _ store: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Tmux {
        try Tmux.board(cli, store, sourceLocation: sourceLocation)
    }

    func openFirstAccount(_ t: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try t.openFirstAccount(sourceLocation: sourceLocation)
    }
}
