import GoliveDomain
import Testing

/// What the customer's plan shows of an account: one row per piece of work, and whether
/// it is on the plan, late, and in what words.
struct CustomerPlanTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var task: OnboardingTask
        var shown: Bool
        var state: String?
        var late: Bool = false
        var testDescription: String { name }
    }

    static let today = day("2026-01-18")

    static let cases: [Case] = [
        Case(name: "an internal task: never", task: task(1, "Internal build"), shown: false),
        Case(
            name: "an internal task blocked with a reason: never",
            task: task(1, "Internal build", status: .blocked, reason: "their IT is slow"), shown: false),
        Case(
            name: "a customer task not yet due", task: task(1, "SSO", lane: .customer, due: day("2026-01-20")),
            shown: true, state: "open"),
        Case(
            name: "a customer task late", task: task(1, "SSO", lane: .customer, owner: "Acme IT"), shown: true,
            state: "3 days late", late: true),
        Case(
            name: "a customer task done late is only done",
            task: task(1, "SSO", lane: .customer, status: .done), shown: true, state: "done"),
        Case(
            name: "a waiting customer task keeps no reason",
            task: task(1, "SSO", lane: .customer, due: day("2026-01-25"), status: .waiting, reason: "slow again"),
            shown: true, state: "waiting"),
        Case(
            name: "an approval pending and late", task: task(1, "Sign-off", lane: .approval, owner: "CFO"), shown: true,
            state: "3 days late", late: true),
        Case(
            name: "an approval approved", task: task(1, "Sign-off", lane: .approval, status: .approved), shown: true,
            state: "approved"),
        Case(
            name: "an approval rejected: a decision to make, not days late",
            task: task(1, "Sign-off", lane: .approval, status: .rejected, reason: "their IT is slow"), shown: true,
            state: "needs your decision", late: true),
        Case(
            name: "an approval rejected before its day is still a decision to make",
            task: task(1, "Sign-off", lane: .approval, due: day("2026-01-25"), status: .rejected, reason: "no"),
            shown: true, state: "needs your decision", late: true),
    ]

    @Test(arguments: cases)
    func eachPieceOfWorkIsShownOrNot(_ c: Case) {
        let plan = CustomerPlan(makeAccount(tasks: [c.task]), today: Self.today)
        let steps = plan.phases.flatMap { $0.milestones.flatMap(\.steps) } + plan.otherSteps
        #expect(steps.count == (c.shown ? 1 : 0))
        if let state = c.state { #expect(steps.first?.state == state) }
        #expect(steps.first?.isLate ?? false == c.late)
        #expect(plan.late.contains { $0.contains("'\(c.task.title)'") } == c.late)
        #expect(!"\(plan)".contains("their IT is slow") && !"\(plan)".contains("slow again"))
    }

    @Test func aCheckpointIsLateOnlyPastItsDayUnachievedAndTheStagesSayWhereTheAccountIs() {
        let late = CustomerPlan(makeAccount(due: day("2026-01-15")), today: Self.today)
        #expect(late.phases.map(\.state) == ["current", "next"])
        #expect(late.phases[0].milestones.map(\.state) == ["3 days late"])
        #expect(late.late == ["Integration live, due 2026-01-15: 3 days late"])
        let achieved = CustomerPlan(
            makeAccount(due: day("2026-01-15"), achievedOn: day("2026-01-16")), today: Self.today)
        #expect(achieved.phases[0].milestones.map(\.state) == ["achieved on 2026-01-16"])
        #expect(achieved.late.isEmpty)
    }

    @Test func aMilestoneTheWorkWillMeetLaterShowsTheDayItIsExpected() {
        // The internal task is shown nowhere; only the day it sets reaches the customer.
        let plan = CustomerPlan(
            makeAccount(tasks: [task(1, "Internal build", due: day("2026-01-24"))]), today: Self.today)
        #expect(plan.phases[0].milestones.map(\.state) == ["due 2026-01-20, expected 2026-01-24"])
        #expect(!"\(plan)".contains("Internal build"))
    }
}
