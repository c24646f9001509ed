import GoliveDomain
import Testing

/// Where a piece of open work goes in the morning digest: one table, each row a task on a
/// day and the section the digest must put it in (or none).
struct DigestRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var task: OnboardingTask
        var today: String
        var section: Digest.Section?
        var state: String?
        var testDescription: String { name }
    }

    /// Defaults: customers may wait 5 days, be overdue 5 days; the task is due 2026-01-15.
    static let cases: [Case] = [
        Case(name: "internal task due later: nothing", task: task(1, "Build"), today: "2026-01-10", section: nil),
        Case(
            name: "internal task due today", task: task(1, "Build"), today: "2026-01-15", section: .dueToday,
            state: "today"),
        Case(
            name: "internal task overdue", task: task(1, "Build"), today: "2026-01-18", section: .overdue,
            state: "3 days overdue"),
        Case(
            name: "blocked internal task overdue", task: task(1, "Build", status: .blocked, reason: "IT"),
            today: "2026-01-16", section: .overdue, state: "1 day overdue"),
        Case(name: "done task: nothing", task: task(1, "Build", status: .done), today: "2026-02-01", section: nil),
        Case(
            name: "approval due today", task: task(1, "Sign-off", lane: .approval, owner: "CFO"),
            today: "2026-01-15", section: .approvals, state: "today"),
        Case(
            name: "approval overdue", task: task(1, "Sign-off", lane: .approval, owner: "CFO"),
            today: "2026-01-17", section: .approvals, state: "2 days overdue"),
        Case(
            name: "approved: nothing", task: task(1, "Sign-off", lane: .approval, status: .approved),
            today: "2026-01-17", section: nil),
        Case(
            name: "customer task overdue within the limit", task: task(1, "SSO", lane: .customer, owner: "Acme IT"),
            today: "2026-01-20", section: .overdue, state: "5 days overdue"),
        Case(
            name: "customer task overdue past the limit", task: task(1, "SSO", lane: .customer, owner: "Acme IT"),
            today: "2026-01-21", section: .customerWaiting, state: "6 days overdue"),
        Case(
            name: "customer task waiting past its SLA, not yet due",
            task: task(1, "SSO", lane: .customer, due: day("2026-02-01"), status: .waiting, since: day("2026-01-03")),
            today: "2026-01-09", section: .customerWaiting, state: "waiting 6 days"),
        Case(
            name: "customer task waiting within its SLA, not yet due",
            task: task(1, "SSO", lane: .customer, due: day("2026-02-01"), status: .waiting, since: day("2026-01-03")),
            today: "2026-01-08", section: nil),
    ]

    @Test(arguments: cases)
    func openWorkGoesToItsSection(_ c: Case) {
        let today = day(c.today)
        let a = makeAccount(tasks: [c.task], due: day("2026-03-01"), lastActivity: today)
        let d = Digest(today: today, accounts: [a], changes: [])
        let found = d.ordered.filter { $0.items.contains { $0.lane != nil } }
        #expect(found.map(\.section) == (c.section.map { [$0] } ?? []))
        if let state = c.state { #expect(found.first?.items.first?.state == state) }
    }

    @Test func aCheckpointPastDueIsOverdueAndOneDueTodayIsDueToday() {
        let a = makeAccount(due: day("2026-01-20"), lastActivity: day("2026-01-20"))
        let onTheDay = Digest(today: day("2026-01-20"), accounts: [a], changes: [])
        #expect(onTheDay.sections[.dueToday]?.map(\.what) == ["checkpoint Integration live"])
        let after = Digest(today: day("2026-01-22"), accounts: [a], changes: [])
        #expect(after.sections[.overdue]?.map(\.state) == ["2 days overdue"])
        var achieved = a
        achieved.checkpoints[0].achievedOn = day("2026-01-19")
        #expect(Digest(today: day("2026-01-22"), accounts: [achieved], changes: []).sections[.overdue] == nil)
    }

    @Test func touchpointsOfTodayAndUnmarkedOnesAreListedButHeldOnesAreNot() {
        var a = makeAccount(due: day("2026-03-01"), lastActivity: day("2026-01-20"))
        a.touchpoints = [
            Touchpoint(id: 1, on: day("2026-01-20"), audience: "Mia", channel: "call", objective: "kickoff"),
            Touchpoint(id: 2, on: day("2026-01-16"), audience: "IT", channel: "mail", objective: "SSO check"),
            Touchpoint(
                id: 3, on: day("2026-01-18"), audience: "Mia", channel: "call", objective: "held one", state: .held),
            Touchpoint(id: 4, on: day("2026-01-25"), audience: "Mia", channel: "call", objective: "later"),
        ]
        let d = Digest(today: day("2026-01-20"), accounts: [a], changes: [])
        #expect(d.sections[.touchpoints]?.map(\.what) == ["SSO check", "kickoff"])
        #expect(d.sections[.touchpoints]?.last?.state == "today, call")
        #expect(d.sections[.touchpoints]?.first?.state == "4 days ago, not marked held or missed")
    }

    struct TurnCase: CustomTestStringConvertible, Sendable {
        var before: RAG?
        var now: RAG
        var isNew: Bool
        var listed: Bool
        var testDescription: String { "\(before.map(\.rawValue) ?? "new") → \(now.rawValue)" }
    }

    @Test(arguments: [
        TurnCase(before: .green, now: .amber, isNew: false, listed: true),
        TurnCase(before: .green, now: .red, isNew: false, listed: true),
        TurnCase(before: .amber, now: .red, isNew: false, listed: true),
        TurnCase(before: .red, now: .amber, isNew: false, listed: false),
        TurnCase(before: .amber, now: .amber, isNew: false, listed: false),
        TurnCase(before: .amber, now: .green, isNew: false, listed: false),
        TurnCase(before: nil, now: .amber, isNew: true, listed: true),
        TurnCase(before: nil, now: .green, isNew: true, listed: false),
    ])
    func onlyAColourThatGotWorseIsListed(_ c: TurnCase) {
        let change = AccountChange(
            id: 1, name: "Acme", csm: "Ana", segment: .enterprise, arr: 1, isNew: c.isNew, ragBefore: c.before,
            ragNow: c.now, reasons: ["Integration live: overdue 2 days"], stageBefore: "Setup", stageNow: "Setup",
            events: 1)
        let d = Digest(today: day("2026-01-20"), accounts: [], changes: [change])
        #expect((d.sections[.turned]?.count ?? 0) == (c.listed ? 1 : 0))
        if c.listed {
            #expect(d.sections[.turned]?.first?.state == "\(c.isNew ? "new" : c.before!.rawValue) → \(c.now.rawValue)")
        }
    }

    @Test func aFollowUpIsDueOnItsDayAndAfterAndAFinishedAccountNeedsNobody() {
        let a = makeAccount(due: day("2026-03-01"), lastActivity: day("2026-01-20"))
        let follow = [a.id: Digest.FollowUp(step: "call the sponsor", day: day("2026-01-19"))]
        let due = Digest(today: day("2026-01-20"), accounts: [a], changes: [], followUps: follow)
        #expect(due.sections[.followUps]?.map(\.state) == ["1 day late"])
        let early = Digest(today: day("2026-01-18"), accounts: [a], changes: [], followUps: follow)
        #expect(early.sections[.followUps] == nil)
        var finished = a
        finished.completedOn = day("2026-01-10")
        #expect(Digest(today: day("2026-01-20"), accounts: [finished], changes: [], followUps: follow).isEmpty)
    }
}
