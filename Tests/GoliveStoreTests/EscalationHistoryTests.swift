import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

struct EscalationHistoryTests {
    /// From the first escalation to the resolution; escalating again meanwhile does not
    /// restart the clock, and one still open is not counted.
    @Test func resolveDaysRunFromTheFirstEscalationToItsResolution() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        func on(_ d: String, _ c: Change) throws {
            let day = try #require(Day(iso: d))
            try store.perform(
                c, on: 1, who: "lee", today: day,
                now: Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + 36_000))
        }
        try on("2026-01-02", .escalate(reason: "sponsor left"))
        try on("2026-01-03", .escalate(reason: "worse", to: "VP"))
        try on("2026-01-06", .clearEscalation(note: "new sponsor named"))
        try on("2026-01-10", .escalate(reason: "again"))
        #expect(try store.escalationResolveDays() == [1: [4]])
        let m = Metrics.compute(
            group: "team", accounts: try store.accounts(), everEscalated: try store.everEscalated(),
            resolveDays: try store.escalationResolveDays(), asOf: try #require(Day(iso: "2026-01-12")))
        #expect(m.timeToResolve.count == 1 && m.timeToResolve.median == 4)
    }
}
