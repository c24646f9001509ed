import Testing

@testable import GoliveDomain

/// Re-planning: dates move with a reason, the first plan stays as the baseline, repeated
/// go-live moves and late forecasts are reasons, and moving a task shows (and can move)
/// the work it pushes out.
struct ReplanTests {
    static let ctx = ChangeContext(who: "Ana", now: "2026-01-12T09:00:00Z", today: day("2026-01-12"))

    /// Setup → Live, "Integration live" due 01-20 and a go-live checkpoint due 02-01;
    /// Build (01-15) ← Test (01-17, waits on Build) ← Train (01-25, waits on Test, leads to go-live).
    static func planned() -> Account {
        var a = makeAccount(tasks: [
            task(1, "Build", due: day("2026-01-15")),
            task(2, "Test", due: day("2026-01-17"), dependsOn: [1]),
        ])
        a.checkpoints.append(
            Checkpoint(
                id: 11, key: "golive", name: "Go-live", stage: "live", due: day("2026-02-01"), milestone: .goLive))
        a.tasks.append(task(3, "Train", due: day("2026-01-25"), checkpoint: 11, dependsOn: [2]))
        return a
    }

    @Test func movingACheckpointKeepsTheFirstPlanAndCountsTheMoves() throws {
        let a = ReplanTests.planned()
        let (b, e) = try a.applying(
            .moveCheckpoint(checkpoint: 10, to: day("2026-01-27"), reason: "customer's IT freeze"), ReplanTests.ctx)
        #expect(b.checkpoint(10)?.due == day("2026-01-27"))
        #expect(b.checkpoint(10)?.replan == Replan(baseline: day("2026-01-20"), moves: 1))
        #expect(e.kind == "checkpoint.moved" && e.before == "2026-01-20" && e.after == "2026-01-27")
        #expect(e.words(in: b) == "Integration live moved 2026-01-20 → 2026-01-27 (customer's IT freeze)")
        let (c, _) = try b.applying(
            .moveCheckpoint(checkpoint: 10, to: day("2026-01-30"), reason: "again"), ReplanTests.ctx)
        #expect(c.checkpoint(10)?.replan == Replan(baseline: day("2026-01-20"), moves: 2))
        #expect(c.goLivePlan == nil, "another checkpoint leaves the go-live alone")
    }

    @Test func movingTheGoLiveMovesItsCheckpointAndTheTarget() throws {
        let a = ReplanTests.planned()
        let (b, e) = try a.applying(.moveGoLive(to: day("2026-02-10"), reason: "scope grew"), ReplanTests.ctx)
        #expect(b.goLive == day("2026-02-10") && b.targetGoLive == day("2026-02-10"))
        #expect(b.goLivePlan == Replan(baseline: day("2026-02-01"), moves: 1))
        #expect(b.checkpoint(11)?.replan == Replan(baseline: day("2026-02-01"), moves: 1))
        #expect(e.kind == "checkpoint.moved" && e.checkpointID == 11)
        #expect(b.goLiveSlip == 9 && b.goLiveMoves == 1)
    }

    @Test func withoutAGoLiveCheckpointTheTargetMoves() throws {
        let a = makeAccount()
        let (b, e) = try a.applying(.moveGoLive(to: day("2026-01-25"), reason: "pulled in"), ReplanTests.ctx)
        #expect(b.targetGoLive == day("2026-01-25"))
        #expect(b.goLivePlan == Replan(baseline: day("2026-02-01"), moves: 1))
        #expect(b.goLiveSlip == -7)
        #expect(e.words(in: b) == "go-live moved 2026-02-01 → 2026-01-25 (pulled in)")
    }

    static let refusals: [RefusedChange] = [
        RefusedChange(
            name: "no reason", account: planned(),
            change: .moveCheckpoint(checkpoint: 10, to: day("2026-01-22"), reason: " "),
            message: "the reason cannot be empty"),
        RefusedChange(
            name: "same day", account: planned(),
            change: .moveCheckpoint(checkpoint: 10, to: day("2026-01-20"), reason: "x"),
            message: "Integration live is already due 2026-01-20"),
        RefusedChange(
            name: "achieved", account: makeAccount(achievedOn: day("2026-01-11")),
            change: .moveCheckpoint(checkpoint: 10, to: day("2026-01-22"), reason: "x"),
            message: "Integration live was achieved on 2026-01-11: its date stays"),
        RefusedChange(
            name: "unknown checkpoint", account: planned(),
            change: .moveCheckpoint(checkpoint: 99, to: day("2026-01-22"), reason: "x"),
            message: "no checkpoint 99 on Acme"),
        RefusedChange(
            name: "go-live on the same day", account: makeAccount(),
            change: .moveGoLive(to: day("2026-02-01"), reason: "x"), message: "the go-live is already 2026-02-01"),
    ]

    @Test(arguments: refusals)
    func movesAreRefusedWhenTheyCannotBe(_ c: RefusedChange) {
        #expect(throws: Refusal(c.message)) { try c.account.applying(c.change, ReplanTests.ctx) }
    }

    struct Push: CustomTestStringConvertible, Sendable {
        var name: String
        var task: Int64
        var to: String
        var tasks: [String]
        var checkpoints: [String]
        var testDescription: String { name }
    }

    static let pushes: [Push] = [
        Push(name: "earlier: nothing", task: 1, to: "2026-01-13", tasks: [], checkpoints: []),
        Push(name: "within the slack: nothing", task: 1, to: "2026-01-16", tasks: [], checkpoints: []),
        Push(
            name: "past what waits on it: the chain moves by as many days", task: 1, to: "2026-01-19",
            tasks: ["2 2026-01-17 → 2026-01-21"], checkpoints: ["10 2026-01-20 → 2026-01-21"]),
        Push(
            name: "far enough to push the chain and both checkpoints", task: 1, to: "2026-01-26",
            tasks: ["2 2026-01-17 → 2026-01-28", "3 2026-01-25 → 2026-02-05"],
            checkpoints: ["10 2026-01-20 → 2026-01-28", "11 2026-02-01 → 2026-02-05"]),
        Push(
            name: "the last task past its checkpoint", task: 3, to: "2026-02-03", tasks: [],
            checkpoints: ["11 2026-02-01 → 2026-02-03"]),
    ]

    @Test(arguments: pushes)
    func aLaterDueDateShowsTheWorkItPushesOut(_ c: Push) {
        let p = ReplanTests.planned().pushedOut(byMoving: c.task, to: day(c.to))
        #expect(p.tasks.map { "\($0.id) \($0.from.iso) → \($0.to.iso)" } == c.tasks)
        #expect(p.checkpoints.map { "\($0.id) \($0.from.iso) → \($0.to.iso)" } == c.checkpoints)
    }

    @Test func shiftingMovesThePushedWorkInOneChangeAndUndoPutsItAllBack() throws {
        let a = ReplanTests.planned()
        let (b, e) = try a.applying(
            .setTaskDue(task: 1, due: day("2026-01-26"), shift: true, reason: "build slipped"), ReplanTests.ctx)
        #expect(b.task(2)?.due == day("2026-01-28") && b.task(3)?.due == day("2026-02-05"))
        #expect(b.checkpoint(10)?.due == day("2026-01-28") && b.goLive == day("2026-02-05"))
        #expect(b.goLivePlan == Replan(baseline: day("2026-02-01"), moves: 1))
        #expect(
            e.words(in: b)
                == "'Build' due 2026-01-15 → 2026-01-26; build slipped; also moved: 'Test' 2026-01-17 → 2026-01-28, "
                + "'Train' 2026-01-25 → 2026-02-05, Integration live 2026-01-20 → 2026-01-28, Go-live 2026-02-01 → 2026-02-05"
        )
        let (c, _) = try b.applying(.undo(before: a, after: b, of: e), ReplanTests.ctx)
        #expect(c.tasks.map(\.due) == a.tasks.map(\.due))
        #expect(c.checkpoints.map(\.due) == a.checkpoints.map(\.due))
        #expect(c.checkpoints.map(\.replan) == [nil, nil] && c.goLivePlan == nil && c.targetGoLive == a.targetGoLive)
        // Without shifting, only the task moves: its checkpoint is then forecast late.
        let (d, _) = try a.applying(.setTaskDue(task: 3, due: day("2026-02-03")), ReplanTests.ctx)
        #expect(d.goLive == day("2026-02-01"))
        let st = d.status(of: try #require(d.checkpoint(11)), asOf: day("2026-01-12"))
        #expect(st.state == .atRisk)
        #expect(
            st.reasons.map(\.text) == [
                "Go-live: forecast 2026-02-03, 2 days after its due date ('Build' → 'Test' → 'Train')"
            ])
    }

    static func moved(_ a: Account, times: Int, by days: Int) -> Account {
        var a = a
        a.goLivePlan = Replan(baseline: a.targetGoLive, moves: times)
        a.targetGoLive = a.targetGoLive + days
        return a
    }

    static let rules: [StatusCase] = [
        StatusCase(
            name: "go-live moved once: no reason yet",
            account: moved(makeAccount(due: day("2026-03-01")), times: 1, by: 10),
            today: "2026-01-12", rag: .green, reasons: []),
        StatusCase(
            name: "go-live moved twice: amber", account: moved(makeAccount(due: day("2026-03-01")), times: 2, by: 10),
            today: "2026-01-12", rag: .amber, reasons: ["go-live moved 2 times (10 days later than first planned)"]),
        StatusCase(
            name: "moved three times, back on plan",
            account: moved(makeAccount(due: day("2026-03-01")), times: 3, by: 0),
            today: "2026-01-12", rag: .amber, reasons: ["go-live moved 3 times (back on the first plan)"]),
        StatusCase(
            name: "a completed onboarding carries no warning",
            account: {
                var a = moved(makeAccount(achievedOn: day("2026-01-10")), times: 2, by: 10)
                a.completedOn = day("2026-01-11")
                return a
            }(), today: "2026-01-12", rag: .green, reasons: []),
        StatusCase(
            name: "a task due after its checkpoint: forecast late, at risk",
            account: makeAccount(tasks: [task(1, "Build", due: day("2026-01-24"))], due: day("2026-01-22")),
            today: "2026-01-12", rag: .amber,
            reasons: ["Integration live: forecast 2026-01-24, 2 days after its due date ('Build' is due then)"]),
        StatusCase(
            name: "past due, the red says it all",
            account: makeAccount(tasks: [task(1, "Build", due: day("2026-01-24"))], due: day("2026-01-10")),
            today: "2026-01-12", rag: .red, reasons: ["Integration live: overdue 2 days"]),
    ]

    @Test(arguments: rules)
    func slipsAndForecastsAreReasons(_ c: StatusCase) {
        c.check()
    }

    @Test func metricsGiveScheduleVarianceAndSlipCounts() {
        let moved = ReplanTests.moved(makeAccount(), times: 2, by: 10)
        var other = makeAccount()
        other.id = 2
        other.checkpoints[0].replan = Replan(baseline: day("2026-01-18"), moves: 1)
        let m = Metrics.compute(group: "team", accounts: [moved, other], everEscalated: [], asOf: day("2026-01-12"))
        // The moved one is forecast at its new target, 10 days after the first plan.
        #expect(m.goLiveForecastSlip == GoLiveForecastSlip([10, 0]))
        #expect(m.goLiveForecastSlip.late == 1 && m.goLiveForecastSlip.worst == 10)
        #expect(m.goLiveMoved.part == 1 && m.goLiveMoved.whole == 2)
        #expect(m.datesMoved == 3)
    }
}
