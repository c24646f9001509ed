import Foundation
import Testing

/// Every change the keyboard makes, from a script through the real binary: the same event,
/// the same refusals in one line with nothing changed, and `--expect-version` guarding a
/// row another process changed meanwhile.
struct ScriptedChangeEndToEndTests {
    static let day = ["--as-of", "2026-11-22", "--user", "crm-bot"]

    /// Each command and the event kind it must record (run in this order on one account).
    static let commands: [([String], String)] = [
        (["task", "status", "Lumen Retail", "Run the first workflow", "waiting"], "task.status"),
        (["task", "due", "lumen retail", "run the first workflow", "2026-11-30", "--reason", "data late"], "task.due"),
        (["task", "owner", "LUMEN RETAIL", "Run the first workflow", "Dana"], "task.owner"),
        (
            ["task", "add", "Lumen Retail", "Call IT", "--owner", "Ana", "--due", "2026-11-25", "--lane", "customer"],
            "task.added"
        ),
        (["note", "Lumen Retail", "called the sponsor", "--task", "call it"], "note"),
        (["escalate", "Lumen Retail", "sponsor left", "--to", "VP CS"], "account.escalated"),
        (["resolve", "Lumen Retail", "--note", "new sponsor"], "account.deescalated"),
        (["hold", "Lumen Retail", "budget freeze", "--until", "2026-12-15"], "account.held"),
        (["resume", "Lumen Retail"], "account.resumed"),
        (["reviewed", "Lumen Retail", "--next", "check SSO", "--follow-up", "2026-11-25"], "account.reviewed"),
        (["reviewed", "Lumen Retail"], "account.reviewed"),
        (["task", "status", "Lumen Retail", "Review configuration", "done"], "task.status"),
        (
            ["checkpoint", "achieve", "Lumen Retail", "Account configured", "--confirmed-by", "Mia"],
            "checkpoint.achieved"
        ),
        (["stage", "advance", "Lumen Retail", "--override", "customer asked"], "stage.advanced"),
    ]

    func lastEvent(_ cli: CLI, _ store: String) throws -> [String: Any] {
        let lines = try cli.run(["events", "--store", store]).out.split(separator: "\n")
        let last = try #require(lines.last)
        return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    }

    @Test func eachKeyboardChangeRunsFromAScriptAndRecordsItsEvent() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        for (args, kind) in Self.commands {
            let r = try cli.run(args + ["--store", store] + Self.day)
            #expect(r.status == 0, "\(args): \(r.err)")
            #expect(r.out.hasPrefix("saved: "), "\(args): \(r.out)")
            let event = try lastEvent(cli, store)
            #expect(event["kind"] as? String == kind, "\(args)")
            #expect(event["who"] as? String == "crm-bot")
            #expect(event["account"] as? String == "Lumen Retail")
        }
    }

    @Test(arguments: [
        (["task", "status", "Lumen Retail", "Run the first workflow", "blocked"], "refused: blocked needs a reason"),
        (["stage", "advance", "Lumen Retail"], "refused: cannot leave Setup"),
        (["task", "status", "Lumen Retail", "No such task", "done"], "Lumen Retail has no task titled or numbered"),
        (["task", "status", "Nowhere", "x", "done"], "no account is named or numbered 'Nowhere'"),
        (["task", "status", "Lumen Retail", "Run the first workflow", "finished"], "'finished' is not a task status"),
        (["task", "due", "Lumen Retail", "Run the first workflow", "soon"], "the due day 'soon' is not a date"),
        (["checkpoint", "achieve", "Lumen Retail", "Moon landing"], "has no checkpoint named or numbered"),
        (["reviewed", "Lumen Retail", "--next", "call"], "--next and --follow-up go together"),
        (["note", "Lumen Retail", "x", "--expect-version", "3"], "this change edits nothing that has a version"),
    ])
    func aRefusedChangeSaysWhyInOneLineAndChangesNothing(arguments: [String], message: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try cli.run(["export", "--store", store]).out
        let r = try cli.run(arguments + ["--store", store] + Self.day)
        #expect(r.status != 0)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(try cli.run(["export", "--store", store]).out == before)
    }

    @Test func expectVersionRefusesARowChangedSinceTheScriptReadIt() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let first = try cli.run(
            [
                "task", "due", "Lumen Retail", "Run the first workflow", "2026-11-30", "--only", "--format", "json",
                "--store", store,
            ]
                + Self.day)
        #expect(first.status == 0, "\(first.err)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any])
        let version = try #require(result["version"] as? Int)
        #expect((result["event"] as? [String: Any])?["kind"] as? String == "task.due")
        // Someone else moves it again; the script's next change, made on what it read, is refused.
        #expect(
            try cli.run(
                ["task", "owner", "Lumen Retail", "Run the first workflow", "Dana", "--store", store] + Self.day
            )
            .status == 0)
        let before = try cli.run(["export", "--store", store]).out
        let stale = try cli.run(
            [
                "task", "status", "Lumen Retail", "Run the first workflow", "done", "--expect-version", "\(version)",
                "--store", store,
            ] + Self.day)
        #expect(stale.status == 1)
        #expect(stale.err.contains("refused: changed by crm-bot just now: read it again"), "\(stale.err)")
        #expect(try cli.run(["export", "--store", store]).out == before)
        let fresh = try cli.run(
            [
                "task", "status", "Lumen Retail", "Run the first workflow", "done", "--expect-version",
                "\(version + 1)",
                "--store", store,
            ] + Self.day)
        #expect(fresh.status == 0, "\(fresh.err)")
    }
}
