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

/// PRODUCT.md "Stalled", with the default thresholds (7 days quiet, stage SLA, customer
/// task overdue > 5, approval pending > 5).
struct StalledRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var today: String
        var account: Account
        var reasons: [String]
        var court: Court?
        var days: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "recent activity, within SLA: not stalled", today: "2026-01-10",
            account: makeAccount(lastActivity: day("2026-01-09")),
            reasons: [], court: nil, days: nil),
        Case(
            name: "no event for 7 days", today: "2026-01-17",
            account: makeAccount(
                tasks: [task(1, "Build", due: day("2026-01-30"))], due: day("2026-01-30"),
                lastActivity: day("2026-01-10"), stageEntered: day("2026-01-10")),
            reasons: ["no activity for 7 days"], court: .ours, days: 7),
        Case(
            name: "6 quiet days is not yet stalled", today: "2026-01-16",
            account: makeAccount(
                due: day("2026-01-30"), lastActivity: day("2026-01-10"), stageEntered: day("2026-01-10")),
            reasons: [], court: nil, days: nil),
        Case(
            name: "stage past its SLA, our work open", today: "2026-01-14",
            account: makeAccount(tasks: [task(1, "Build", due: day("2026-01-18"))], lastActivity: day("2026-01-13")),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .ours, days: 3),
        Case(
            name: "stage past its SLA, only the customer's work open", today: "2026-01-14",
            account: makeAccount(
                tasks: [task(1, "SSO", lane: .customer, due: day("2026-01-18"))], lastActivity: day("2026-01-13")),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .customer, days: 3),
        Case(
            name: "customer task overdue more than 5 days", today: "2026-01-09",
            account: makeAccount(
                tasks: [task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-03"))],
                lastActivity: day("2026-01-08")),
            reasons: ["customer task 'SSO metadata' overdue 6 days (Acme IT)"], court: .customer, days: 6),
        Case(
            name: "customer task overdue exactly 5 days is not stalled", today: "2026-01-08",
            account: makeAccount(
                tasks: [task(1, "SSO metadata", lane: .customer, due: day("2026-01-03"))],
                lastActivity: day("2026-01-08")),
            reasons: [], court: nil, days: nil),
        Case(
            name: "approval pending more than 5 days", today: "2026-01-08",
            account: makeAccount(
                tasks: [task(1, "Security review", lane: .approval, owner: "CISO", due: day("2026-01-19"))],
                lastActivity: day("2026-01-08")),
            reasons: ["approval 'Security review' pending 7 days with CISO"], court: .approver, days: 7),
        Case(
            name: "an approval of a stage not reached is not pending", today: "2026-01-09",
            account: {
                var a = makeAccount(lastActivity: day("2026-01-08"))
                a.checkpoints.append(
                    Checkpoint(id: 11, key: "golive", name: "Go-live", stage: "live", due: day("2026-01-31")))
                a.tasks = [task(1, "Go-live sign-off", lane: .approval, due: day("2026-01-30"), checkpoint: 11)]
                return a
            }(),
            reasons: [], court: nil, days: nil),
        Case(
            name: "the longest-running reason sets the ball's court", today: "2026-01-14",
            account: makeAccount(
                tasks: [
                    task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-05")),
                    task(2, "Build", due: day("2026-01-18")),
                ], lastActivity: day("2026-01-13")),
            reasons: [
                "Setup at 13 days against an SLA of 10 (3 over)",
                "customer task 'SSO metadata' overdue 9 days (Acme IT)",
            ],
            court: .customer, days: 9),
    ]

    @Test(arguments: cases)
    func stalledFollowsTheRules(_ c: Case) {
        let s = c.account.stall(asOf: day(c.today))
        #expect((s?.reasons.map(\.text) ?? []) == c.reasons)
        #expect(s?.ballInCourt == c.court)
        #expect(s?.days == c.days)
    }

    @Test func aCompletedOnboardingIsNeverStalled() {
        var a = makeAccount(lastActivity: day("2026-01-01"))
        a.completedOn = day("2026-01-02")
        #expect(a.stall(asOf: day("2026-06-01")) == nil)
    }

    @Test func thresholdsComeFromThePlaybook() {
        var a = makeAccount(due: day("2026-01-30"), lastActivity: day("2026-01-10"), stageEntered: day("2026-01-10"))
        a.thresholds.noActivityDays = 3
        #expect(a.stall(asOf: day("2026-01-13"))?.reasons.map(\.text) == ["no activity for 3 days"])
    }
}
