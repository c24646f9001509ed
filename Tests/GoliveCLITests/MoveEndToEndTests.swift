import Foundation
import Testing

/// The command line's moves keep the plan in stage order as the keys do, through the real
/// binary: what moved with a move is printed, `--only` moves just the one item or is refused
/// in words, and a checkpoint never moves without `--reason`. Lumen Retail (seed 8): First
/// value achieved 11-28 ← 'Run the first workflow' 11-27; Go-live 11-30; Transition to
/// success 12-11.
struct MoveEndToEndTests {
    static let day = ["--as-of", "2026-11-22", "--user", "crm-bot"]

    func run(_ cli: CLI, _ store: String, _ args: [String]) throws -> CLI.Result {
        try cli.run(args + ["--store", store] + Self.day)
    }

    @Test(arguments: [
        (
            ["go-live", "Lumen Retail", "2026-12-20", "--reason", "customer holidays"],
            "saved: Go-live moved 2026-11-30 → 2026-12-20 (customer holidays; also moved: "
                + "Transition to success 2026-12-11 → 2026-12-31)"
        ),
        (
            ["go-live", "Lumen Retail", "2026-12-05", "--reason", "customer holidays", "--only"],
            "saved: Go-live moved 2026-11-30 → 2026-12-05 (customer holidays)"
        ),
        (
            ["checkpoint", "move", "Lumen Retail", "First value achieved", "2026-12-05", "--reason", "data late"],
            "saved: First value achieved moved 2026-11-28 → 2026-12-05 (data late; also moved: "
                + "Go-live 2026-11-30 → 2026-12-07)"
        ),
        (
            ["task", "due", "Lumen Retail", "Run the first workflow", "2026-11-30", "--reason", "data late"],
            "saved: 'Run the first workflow' due 2026-11-27 → 2026-11-30; data late; also moved: "
                + "First value achieved 2026-11-28 → 2026-11-30"
        ),
        (
            ["task", "due", "Lumen Retail", "Run the first workflow", "2026-11-30", "--only"],
            "saved: 'Run the first workflow' due 2026-11-27 → 2026-11-30 (event"
        ),
    ])
    func aMoveSaysWhatMovedWithIt(arguments: [String], saved: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try run(cli, store, arguments)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix(saved), "\(r.out)")
        #expect(r.out.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (
            ["go-live", "Lumen Retail", "2026-12-20", "--reason", "x", "--only"],
            "refused: moving only Go-live to 2026-12-20 would leave Transition to success (due 2026-12-11) "
                + "before it: move them together (nothing was changed)"
        ),
        (
            ["checkpoint", "move", "Lumen Retail", "Go-live", "2026-11-26", "--reason", "x", "--only"],
            "refused: moving only Go-live to 2026-11-26 would leave First value achieved (due 2026-11-28) "
                + "after it: move them together (nothing was changed)"
        ),
        (
            ["task", "due", "Lumen Retail", "Run the first workflow", "2026-11-30"],
            "'Run the first workflow' to 2026-11-30 also moves First value achieved 2026-11-28 → 2026-11-30: "
                + "give --reason (why they move), or --only to move just the task"
        ),
        (
            ["checkpoint", "move", "Lumen Retail", "Go-live", "2026-12-20"],
            "missing expected argument '--reason <reason>'"
        ),
        (
            ["go-live", "Lumen Retail", "2026-10-01", "--reason", "x"],
            "refused: that would move Account configured to 2026-10-01, before the contract was signed"
        ),
    ])
    func aMoveThatCannotKeepThePlanWholeIsRefusedAndChangesNothing(arguments: [String], message: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try cli.run(["export", "--store", store]).out
        let r = try run(cli, store, arguments)
        #expect(r.status != 0)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(try cli.run(["export", "--store", store]).out == before)
    }

    @Test func helpSaysAPlanIsNeverOutOfOrder() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        for args in [["checkpoint", "move", "--help"], ["go-live", "--help"], ["task", "due", "--help"]] {
            let r = try cli.run(args)
            #expect(r.out.contains("--only") && r.out.contains("--reason"), "\(args): \(r.out)")
            #expect(r.out.contains("also moved:"), "\(args)")
        }
    }
}
