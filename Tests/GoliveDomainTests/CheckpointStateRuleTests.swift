import Testing

@testable import GoliveDomain

/// PRODUCT.md "RAG": each row is one situation, its expected state and every reason, all
/// worked out by hand from the fixture (checkpoint due 2026-01-20, amber window 3 days,
/// customer wait SLA 5 days).
struct CheckpointStateRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var today: String
        var tasks: [OnboardingTask]
        var achievedOn: Day? = nil
        var state: CheckpointState
        var reasons: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "achieved beats everything", today: "2026-02-10",
            tasks: [task(1, "Build", status: .blocked, reason: "x")],
            achievedOn: day("2026-01-19"), state: .achieved, reasons: []),
        Case(
            name: "nothing applies: on track", today: "2026-01-10", tasks: [task(1, "Build")], state: .onTrack,
            reasons: []),
        Case(
            name: "due in 4 days with open work is still on track", today: "2026-01-16",
            tasks: [task(1, "Build", due: day("2026-01-19"))], state: .onTrack, reasons: []),
        Case(
            name: "due within the amber window with open tasks", today: "2026-01-17",
            tasks: [task(1, "Build", due: day("2026-01-19")), task(2, "Test", due: day("2026-01-19"))], state: .atRisk,
            reasons: ["Integration live: due in 3 days with 2 open tasks"]),
        Case(
            name: "due today with one open task", today: "2026-01-20",
            tasks: [task(1, "Build", due: day("2026-01-20"))],
            state: .atRisk, reasons: ["Integration live: due today with 1 open task"]),
        Case(
            name: "due within the window but all work finished", today: "2026-01-18",
            tasks: [task(1, "Build", status: .done)], state: .onTrack, reasons: []),
        Case(
            name: "a task leading to it is overdue", today: "2026-01-12",
            tasks: [task(1, "Build", due: day("2026-01-10"))], state: .atRisk,
            reasons: ["Integration live: internal task 'Build' overdue 2 days"]),
        Case(
            name: "a customer task waited past its SLA", today: "2026-01-12",
            tasks: [
                task(1, "SSO metadata", lane: .customer, owner: "Acme IT", status: .waiting, since: day("2026-01-03"))
            ],
            state: .atRisk, reasons: ["Integration live: customer task 'SSO metadata' waiting 9 days on Acme IT"]),
        Case(
            name: "a customer task waiting exactly its SLA is not yet amber", today: "2026-01-08",
            tasks: [task(1, "SSO metadata", lane: .customer, status: .waiting, since: day("2026-01-03"))],
            state: .onTrack, reasons: []),
        Case(
            name: "past due and not achieved", today: "2026-01-24", tasks: [], state: .offTrack,
            reasons: ["Integration live: overdue 4 days"]),
        Case(
            name: "a blocked task makes it red", today: "2026-01-05",
            tasks: [task(1, "Build", status: .blocked, reason: "firewall")], state: .offTrack,
            reasons: ["Integration live: task 'Build' blocked (firewall)"]),
        Case(
            name: "a rejected approval makes it red", today: "2026-01-05",
            tasks: [task(1, "Security review", lane: .approval, owner: "CISO", status: .rejected, reason: "pen test")],
            state: .offTrack, reasons: ["Integration live: approval 'Security review' rejected by CISO (pen test)"]),
        Case(
            name: "red and amber reasons together, red first", today: "2026-01-24",
            tasks: [
                task(
                    1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-22"), status: .waiting,
                    since: day("2026-01-15"))
            ],
            state: .offTrack,
            reasons: [
                "Integration live: overdue 4 days", "Integration live: customer task 'SSO metadata' overdue 2 days",
                "Integration live: customer task 'SSO metadata' waiting 9 days on Acme IT",
            ]),
        Case(
            name: "tasks of another checkpoint do not count", today: "2026-01-12",
            tasks: [task(1, "Other", due: day("2026-01-10"), checkpoint: 99)], state: .onTrack, reasons: []),
    ]

    @Test(arguments: cases)
    func checkpointStateFollowsTheRules(_ c: Case) {
        let a = makeAccount(tasks: c.tasks, achievedOn: c.achievedOn)
        let s = a.status(of: a.checkpoints[0], asOf: day(c.today))
        #expect(s.state == c.state)
        #expect(s.reasons.map(\.text) == c.reasons)
    }
}
