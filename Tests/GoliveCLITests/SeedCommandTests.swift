import Foundation
import Testing

@Suite(.serialized)
struct SeedCommandTests {
    /// Seeding "today" (the demo does) must not write the afternoon's events in the morning:
    /// the history would list changes that have not happened yet.
    @Test func aStoreSeededTodayHoldsNoEventDatedAfterNow() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("today.sqlite")
        let seeded = try cli.run(["seed", "--store", store, "--accounts", "40"])
        #expect(seeded.status == 0, "\(seeded.err)")
        let now = ISO8601DateFormatter().string(from: Date())
        let export = try cli.run(["export", "--store", store])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [String: Any])
        let events = try #require(doc["events"] as? [[String: Any]])
        let times = events.compactMap { $0["at"] as? String }
        #expect(times.count == events.count && !times.isEmpty)
        #expect(times.allSatisfy { $0 <= now }, "\(times.filter { $0 > now }.prefix(3))")
    }
}
