import Testing

@testable import GoliveDomain

struct AccountRAGRuleTests {
    @Test func accountIsTheWorstOfItsOpenCheckpoints() {
        var a = makeAccount(tasks: [task(1, "Build", due: day("2026-01-10"))])
        a.checkpoints.append(
            Checkpoint(
                id: 11, key: "golive", name: "Go-live", stage: "live", due: day("2026-01-05"),
                achievedOn: day("2026-01-05")))
        let s = a.status(asOf: day("2026-01-12"))
        #expect(s.rag == .amber)
        #expect(s.reasons.map(\.text) == ["Integration live: internal task 'Build' overdue 2 days"])
        #expect(s.checkpoints.map(\.state) == [.achieved, .atRisk])  // in due order
    }

    @Test func anEscalatedAccountIsRedWhateverItsCheckpoints() {
        let a = makeAccount(escalation: Escalation(reason: "sponsor unhappy", by: "Lee", on: day("2026-01-09")))
        let s = a.status(asOf: day("2026-01-10"))
        #expect(s.rag == .red)
        #expect(s.reasons.map(\.text) == ["escalated by Lee on 2026-01-09: sponsor unhappy"])
    }

    @Test func allCheckpointsAchievedIsGreenWithNoReasons() {
        let s = makeAccount(achievedOn: day("2026-01-18")).status(asOf: day("2026-03-01"))
        #expect(s.rag == .green && s.reasons.isEmpty)
    }

    @Test func nextDueIsTheEarliestUnfinishedTaskOrCheckpoint() {
        let a = makeAccount(tasks: [
            task(1, "Done", due: day("2026-01-02"), status: .done), task(2, "Build", due: day("2026-01-15")),
        ])
        #expect(a.nextDue()?.title == "Build")
        #expect(makeAccount().nextDue()?.title == "Integration live")
    }
}
