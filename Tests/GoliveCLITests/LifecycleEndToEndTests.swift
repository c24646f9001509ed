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
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of 2026-11-22 --user tester")
        defer { t.stop() }
        #expect(try t.waitFor("accounts ("), "\(t.shown)")
        try t.keys("Enter")
        #expect(try t.waitFor("Internal ("))
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
}
