import Testing

@testable import GoliveDomain

/// PRODUCT.md "Stalled", with the default thresholds (7 days quiet, stage SLA, customer
/// task overdue > 5, approval pending > 5). Whose court the ball is in is the schedule's
/// ("Forecast, critical path and whose court"): the root of the first checkpoint that is
/// past due or slipping, ours when none is.
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
            name: "stage past its SLA, only the customer's work open, nothing slipping: our move",
            today: "2026-01-14",
            account: makeAccount(
                tasks: [task(1, "SSO", lane: .customer, due: day("2026-01-18"))], lastActivity: day("2026-01-13")),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .ours, days: 3),
        Case(
            name: "stage past its SLA, the customer's work sets a late checkpoint", today: "2026-01-14",
            account: makeAccount(
                tasks: [task(1, "SSO", lane: .customer, due: day("2026-01-18"))], due: day("2026-01-16"),
                lastActivity: day("2026-01-13")),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .customer, days: 3),
        Case(
            name: "stage past its SLA, the customer's work waits on ours", today: "2026-01-14",
            account: {
                var a = makeAccount(
                    tasks: [task(1, "SSO", lane: .customer, due: day("2026-01-18"), dependsOn: [2])],
                    lastActivity: day("2026-01-13"))
                a.checkpoints.append(
                    Checkpoint(id: 11, key: "golive", name: "Go-live", stage: "live", due: day("2026-01-31")))
                a.tasks.append(task(2, "Provision tenant", due: day("2026-01-20"), checkpoint: 11))
                return a
            }(),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .ours, days: 3),
        Case(
            name: "stage past its SLA, the customer's work waits on ours, done", today: "2026-01-14",
            account: makeAccount(
                tasks: [
                    task(1, "SSO", lane: .customer, due: day("2026-01-18"), dependsOn: [2]),
                    task(2, "Provision tenant", due: day("2026-01-10"), status: .done, checkpoint: nil),
                ], due: day("2026-01-16"), lastActivity: day("2026-01-13")),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .customer, days: 3),
        Case(
            name: "stage past its SLA after a rejected approval: the next move is ours", today: "2026-01-14",
            account: makeAccount(
                tasks: [
                    task(
                        1, "Security review", lane: .approval, due: day("2026-01-19"), status: .rejected,
                        reason: "no SOC 2 report", since: day("2026-01-12")),
                    task(2, "Sign-off", lane: .approval, due: day("2026-01-19"), since: day("2026-01-12")),
                ], lastActivity: day("2026-01-13")),
            reasons: ["Setup at 13 days against an SLA of 10 (3 over)"], court: .ours, days: 3),
        Case(
            name: "customer task overdue more than 5 days, its checkpoint past due", today: "2026-01-09",
            account: makeAccount(
                tasks: [task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-03"))],
                due: day("2026-01-08"), lastActivity: day("2026-01-08")),
            reasons: ["customer task 'SSO metadata' overdue 6 days (Acme IT)"], court: .customer, days: 6),
        Case(
            name: "customer task overdue, waiting on unfinished work of ours", today: "2026-01-09",
            account: makeAccount(
                tasks: [
                    task(
                        1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-03"),
                        dependsOn: [2]),
                    task(2, "Send SSO guide", due: day("2026-01-12")),
                ],
                lastActivity: day("2026-01-08")),
            reasons: ["customer task 'SSO metadata' overdue 6 days (Acme IT), waiting on our 'Send SSO guide'"],
            court: .ours, days: 6),
        Case(
            name: "customer task overdue exactly 5 days is not stalled", today: "2026-01-08",
            account: makeAccount(
                tasks: [task(1, "SSO metadata", lane: .customer, due: day("2026-01-03"))],
                lastActivity: day("2026-01-08")),
            reasons: [], court: nil, days: nil),
        Case(
            name: "approval pending more than 5 days, its checkpoint past due", today: "2026-01-08",
            account: makeAccount(
                tasks: [task(1, "Security review", lane: .approval, owner: "CISO", due: day("2026-01-19"))],
                due: day("2026-01-07"), lastActivity: day("2026-01-08")),
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
            name: "a customer task overdue longest while our work sets the late checkpoint: our move",
            today: "2026-01-14",
            account: makeAccount(
                tasks: [
                    task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-05")),
                    task(2, "Build", due: day("2026-01-18")),
                ], due: day("2026-01-12"), lastActivity: day("2026-01-13")),
            reasons: [
                "Setup at 13 days against an SLA of 10 (3 over)",
                "customer task 'SSO metadata' overdue 9 days (Acme IT)",
            ],
            court: .ours, days: 9),
        Case(
            name: "a customer task overdue, its checkpoint not slipping yet: our move", today: "2026-01-09",
            account: makeAccount(
                tasks: [task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-03"))],
                lastActivity: day("2026-01-08")),
            reasons: ["customer task 'SSO metadata' overdue 6 days (Acme IT)"], court: .ours, days: 6),
    ]

    @Test(arguments: cases)
    func stalledFollowsTheRules(_ c: Case) {
        let s = c.account.stall(asOf: day(c.today))
        #expect((s?.reasons.map(\.text) ?? []) == c.reasons)
        #expect(s?.ballInCourt == c.court)
        #expect(s?.days == c.days)
        // The board reads the same mark from the kept facts.
        let mark = c.account.facts.stall(asOf: day(c.today))
        #expect(mark?.ballInCourt == c.court && mark?.days == c.days)
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
