import Foundation
import GoliveDomain
import Testing

/// `golive resume --shift-plan` through the real binary: the resume and the move of the open
/// plan by the days held are one change and one event, whose line says what moved; without
/// the flag nothing moves.
struct ResumeEndToEndTests {
    /// Lumen Retail's tasks from the store's export: title, due date and status.
    func tasks(_ cli: CLI, _ store: String) throws -> [(title: String, due: String, open: Bool)] {
        let exported = try cli.run(["export", "--store", store]).out
        let document = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
        let accounts = try #require(document["accounts"] as? [[String: Any]])
        let lumen = try #require(accounts.first { $0["name"] as? String == "Lumen Retail" })
        return (lumen["tasks"] as? [[String: Any]] ?? []).map {
            let status = $0["status"] as? String ?? ""
            return (
                $0["title"] as? String ?? "", $0["due"] as? String ?? "",
                !["done", "skipped", "approved"].contains(status)
            )
        }
    }

    func held(_ cli: CLI) throws -> String {
        let store = try cli.seededStore()
        let r = try cli.run(
            [
                "hold", "Lumen Retail", "budget freeze", "--until", "2026-12-15", "--store", store, "--as-of",
                "2026-11-22", "--user", "crm-bot",
            ])
        #expect(r.status == 0, "\(r.err)")
        return store
    }

    @Test func shiftPlanMovesTheOpenPlanByTheDaysHeldAndSaysWhatMoved() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try held(cli)
        let before = try tasks(cli, store)
        let r = try cli.run(
            [
                "resume", "Lumen Retail", "--shift-plan", "--note", "budget approved", "--store", store, "--as-of",
                "2026-12-04", "--user", "crm-bot",
            ])
        #expect(r.status == 0, "\(r.err)")
        let moving = before.filter { $0.open && $0.due >= "2026-11-22" }
        #expect(!moving.isEmpty)
        #expect(
            r.out.hasPrefix(
                "saved: resumed after 12 days on hold: budget approved; open plan moved 12 days later (\(moving.count) tasks"
            ), "\(r.out)")
        let after = try tasks(cli, store)
        for (t, u) in zip(before, after) {
            let moved = t.open && t.due >= "2026-11-22"
            let expected = moved ? (Day(iso: t.due)! + 12).iso : t.due
            #expect(u.due == expected, "\(t.title)")
        }
        let events = try cli.run(["events", "--store", store]).out.split(separator: "\n")
        #expect(events.count >= 2 && events.last?.contains("\"account.resumed\"") == true)
    }

    @Test func withoutTheFlagNothingMoves() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try held(cli)
        let before = try tasks(cli, store)
        let r = try cli.run(["resume", "Lumen Retail", "--store", store, "--as-of", "2026-12-04", "--user", "crm-bot"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("saved: resumed after 12 days on hold (event"), "\(r.out)")
        #expect(try tasks(cli, store).map(\.due) == before.map(\.due))
    }
}
