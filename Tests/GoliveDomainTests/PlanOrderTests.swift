import Testing

@testable import GoliveDomain

/// A plan is never out of order: every move carries the checkpoints the stage order makes
/// follow it (by as many days, in one change, for one reason), or is refused in words.
struct PlanOrderTests {
    static let ctx = ChangeContext(who: "Ana", now: "2026-01-12T09:00:00Z", today: day("2026-01-12"))

    /// Setup (Kickoff held 01-10, Integration live 01-25) → Live (Go-live 02-01) → Transition
    /// (Transition to success 02-15); Build (01-15) ← Test (01-18) lead to Integration live,
    /// Train (01-28, waits on Test) to the go-live.
    static func planned() -> Account {
        var a = makeAccount(
            tasks: [
                task(1, "Build", due: day("2026-01-15"), checkpoint: 11),
                task(2, "Test", due: day("2026-01-18"), checkpoint: 11, dependsOn: [1]),
                task(3, "Train", due: day("2026-01-28"), checkpoint: 12, dependsOn: [2]),
            ])
        a.stages.append(Stage(key: "transition", name: "Transition", slaDays: 14))
        a.checkpoints = [
            Checkpoint(id: 10, key: "kickoff", name: "Kickoff held", stage: "setup", due: day("2026-01-10")),
            Checkpoint(id: 11, key: "integration", name: "Integration live", stage: "setup", due: day("2026-01-25")),
            Checkpoint(
                id: 12, key: "golive", name: "Go-live", stage: "live", due: day("2026-02-01"), milestone: .goLive),
            Checkpoint(
                id: 13, key: "transition", name: "Transition to success", stage: "transition",
                due: day("2026-02-15")),
        ]
        return a
    }

    /// A move, and what the plan's checkpoints and tasks are due after it ("id MM-DD").
    struct Move: CustomTestStringConvertible, Sendable {
        var name: String
        var account: Account = PlanOrderTests.planned()
        var change: Change
        var checkpoints: [String]
        var tasks: [String] = ["1 01-15", "2 01-18", "3 01-28"]
        var words: String
        var testDescription: String { name }
    }

    static let moves: [Move] = [
        Move(
            name: "checkpoint later, within the order: alone",
            change: .moveCheckpoint(checkpoint: 11, to: day("2026-01-30"), reason: "SSO late"),
            checkpoints: ["10 01-10", "11 01-30", "12 02-01", "13 02-15"],
            words: "Integration live moved 2026-01-25 → 2026-01-30 (SSO late)"),
        Move(
            name: "checkpoint later, past the go-live: it carries the go-live, which carries the transition",
            change: .moveCheckpoint(checkpoint: 11, to: day("2026-02-10"), reason: "SSO late"),
            checkpoints: ["10 01-10", "11 02-10", "12 02-17", "13 03-03"],
            words: "Integration live moved 2026-01-25 → 2026-02-10 (SSO late; also moved: "
                + "Go-live 2026-02-01 → 2026-02-17, Transition to success 2026-02-15 → 2026-03-03)"),
        Move(
            name: "checkpoint earlier, within the order: alone",
            change: .moveCheckpoint(checkpoint: 12, to: day("2026-01-27"), reason: "pulled in"),
            checkpoints: ["10 01-10", "11 01-25", "12 01-27", "13 02-15"],
            words: "Go-live moved 2026-02-01 → 2026-01-27 (pulled in)"),
        Move(
            name: "checkpoint earlier, before an earlier stage's: that one is pulled in to its day, no further",
            change: .moveCheckpoint(checkpoint: 12, to: day("2026-01-15"), reason: "pulled in"),
            checkpoints: ["10 01-10", "11 01-15", "12 01-15", "13 02-15"],
            words:
                "Go-live moved 2026-02-01 → 2026-01-15 (pulled in; also moved: Integration live 2026-01-25 → 2026-01-15)"
        ),
        Move(
            name: "checkpoint earlier, past two stages: each pulled in to its day",
            change: .moveCheckpoint(checkpoint: 13, to: day("2026-01-05"), reason: "scope cut"),
            checkpoints: ["10 01-05", "11 01-05", "12 01-05", "13 01-05"],
            words: "Transition to success moved 2026-02-15 → 2026-01-05 (scope cut; also moved: "
                + "Kickoff held 2026-01-10 → 2026-01-05, Integration live 2026-01-25 → 2026-01-05, Go-live 2026-02-01 → 2026-01-05)"
        ),
        Move(
            name: "go-live later, past the transition: the transition keeps its 14 days after it",
            change: .moveGoLive(to: day("2026-02-20"), reason: "customer holidays"),
            checkpoints: ["10 01-10", "11 01-25", "12 02-20", "13 03-06"],
            words: "Go-live moved 2026-02-01 → 2026-02-20 (customer holidays; also moved: "
                + "Transition to success 2026-02-15 → 2026-03-06)"),
        Move(
            name: "go-live later, within its gap: alone",
            change: .moveGoLive(to: day("2026-02-10"), reason: "customer holidays"),
            checkpoints: ["10 01-10", "11 01-25", "12 02-10", "13 02-15"],
            words: "Go-live moved 2026-02-01 → 2026-02-10 (customer holidays)"),
        Move(
            name: "task later, pushing its checkpoint: the order carries the next, one reason for both",
            change: .setTaskDue(task: 3, due: day("2026-02-20"), shift: true, reason: "trainer ill"),
            checkpoints: ["10 01-10", "11 01-25", "12 02-20", "13 03-06"],
            tasks: ["1 01-15", "2 01-18", "3 02-20"],
            words: "'Train' due 2026-01-28 → 2026-02-20; trainer ill; also moved: "
                + "Go-live 2026-02-01 → 2026-02-20, Transition to success 2026-02-15 → 2026-03-06"),
        Move(
            name: "task later, pushing only tasks: no reason needed",
            change: .setTaskDue(task: 1, due: day("2026-01-19"), shift: true),
            checkpoints: ["10 01-10", "11 01-25", "12 02-01", "13 02-15"],
            tasks: ["1 01-19", "2 01-22", "3 01-28"],
            words: "'Build' due 2026-01-15 → 2026-01-19; also moved: 'Test' 2026-01-18 → 2026-01-22"),
        Move(
            name: "task later, only: the task alone, the checkpoints stay (the forecast says it is late)",
            change: .setTaskDue(task: 3, due: day("2026-02-20")),
            checkpoints: ["10 01-10", "11 01-25", "12 02-01", "13 02-15"],
            tasks: ["1 01-15", "2 01-18", "3 02-20"],
            words: "'Train' due 2026-01-28 → 2026-02-20"),
        Move(
            name: "task earlier: nothing follows",
            change: .setTaskDue(task: 3, due: day("2026-01-20"), shift: true),
            checkpoints: ["10 01-10", "11 01-25", "12 02-01", "13 02-15"],
            tasks: ["1 01-15", "2 01-18", "3 01-20"],
            words: "'Train' due 2026-01-28 → 2026-01-20"),
        Move(
            name: "an achieved checkpoint is no longer due: it stays, and is not in the order",
            account: achieved(12, on: "2026-01-30"),
            change: .moveCheckpoint(checkpoint: 11, to: day("2026-02-20"), reason: "late"),
            checkpoints: ["10 01-10", "11 02-20", "12 02-01", "13 03-13"], tasks: ["1 01-15", "2 01-18"],
            words: "Integration live moved 2026-01-25 → 2026-02-20 (late; also moved: "
                + "Transition to success 2026-02-15 → 2026-03-13)"),
        Move(
            name: "a plan already out of order: a move that does not touch the break is taken",
            account: outOfOrder(),
            change: .moveCheckpoint(checkpoint: 10, to: day("2026-01-12"), reason: "late"),
            checkpoints: ["10 01-12", "11 01-25", "12 02-01", "13 01-30"],
            words: "Kickoff held moved 2026-01-10 → 2026-01-12 (late)"),
        Move(
            name: "a plan already out of order: moving the go-live later carries what it passes",
            account: outOfOrder(),
            change: .moveGoLive(to: day("2026-02-05"), reason: "late"),
            checkpoints: ["10 01-10", "11 01-25", "12 02-05", "13 02-05"],
            words:
                "Go-live moved 2026-02-01 → 2026-02-05 (late; also moved: Transition to success 2026-01-30 → 2026-02-05)"
        ),
    ]

    static func achieved(_ id: Int64, on: String) -> Account {
        var a = planned()
        a.checkpoints[a.checkpoints.firstIndex { $0.id == id }!].achievedOn = day(on)
        a.tasks.removeAll { $0.checkpointID == id }
        return a
    }

    /// Transition to success due before the go-live, as `T` left it before moves kept the order.
    static func outOfOrder() -> Account {
        var a = planned()
        a.checkpoints[3].due = day("2026-01-30")
        return a
    }

    @Test(arguments: moves)
    func aMoveCarriesWhatTheOrderMakesFollowIt(_ m: Move) throws {
        let (b, e) = try m.account.applying(m.change, PlanOrderTests.ctx)
        #expect(b.checkpoints.map { "\($0.id) \($0.due.iso.dropFirst(5))" } == m.checkpoints)
        #expect(b.tasks.map { "\($0.id) \($0.due.iso.dropFirst(5))" } == m.tasks)
        #expect(e.words(in: b) == m.words)
        #expect(Set(b.stageOrderBreaks()).isSubset(of: Set(m.account.stageOrderBreaks())))
        // Every carried checkpoint counts the move and keeps its first plan.
        for c in b.checkpoints {
            guard let was = m.account.checkpoint(c.id), was.due != c.due else { continue }
            #expect(c.replan?.baseline == was.due && c.replan?.moves == 1, "\(c.name)")
        }
        // What the screens show before the move is what it moved.
        let shown: PushedOut =
            switch m.change {
            case .moveCheckpoint(let id, let to, _, _): m.account.movingCheckpoint(id, to: to)
            case .moveGoLive(let to, _, _): m.account.movingGoLive(to: to)
            case .setTaskDue(let id, let to, let shift, _):
                shift ? m.account.pushedOut(byMoving: id, to: to) : PushedOut()
            default: PushedOut()
            }
        let moved = b.checkpoints.filter { m.account.checkpoint($0.id)?.due != $0.due }.map(\.id)
        let primary: Int64? =
            switch m.change {
            case .moveCheckpoint(let id, _, _, _): id
            case .moveGoLive: 12
            default: nil
            }
        #expect(Set(shown.checkpoints.map(\.id)) == Set(moved.filter { $0 != primary }))
    }

    static let refusals: [RefusedChange] = [
        RefusedChange(
            name: "only, later past a later stage's", account: planned(),
            change: .moveCheckpoint(checkpoint: 11, to: day("2026-02-10"), reason: "x", only: true),
            message:
                "moving only Integration live to 2026-02-10 would leave Go-live (due 2026-02-01) before it: move them together"
        ),
        RefusedChange(
            name: "only, earlier before an earlier stage's", account: planned(),
            change: .moveCheckpoint(checkpoint: 12, to: day("2026-01-15"), reason: "x", only: true),
            message:
                "moving only Go-live to 2026-01-15 would leave Integration live (due 2026-01-25) after it: move them together"
        ),
        RefusedChange(
            name: "only, the go-live past the transition", account: planned(),
            change: .moveGoLive(to: day("2026-02-20"), reason: "x", only: true),
            message:
                "moving only Go-live to 2026-02-20 would leave Transition to success (due 2026-02-15) before it: move them together"
        ),
        RefusedChange(
            name: "what it carries would fall before the contract", account: planned(),
            change: .moveGoLive(to: day("2025-12-20"), reason: "x"),
            message: "that would move Kickoff held to 2025-12-20, before the contract was signed (2026-01-01)"),
        RefusedChange(
            name: "a task pushing checkpoints without a reason", account: planned(),
            change: .setTaskDue(task: 3, due: day("2026-02-20"), shift: true),
            message: "moving Go-live, Transition to success with it needs a reason"),
        RefusedChange(
            name: "a task pushing checkpoints with an empty reason", account: planned(),
            change: .setTaskDue(task: 3, due: day("2026-02-20"), shift: true, reason: "  "),
            message: "the reason cannot be empty"),
        RefusedChange(
            name: "a carried checkpoint past the last day golive takes", account: planned(),
            change: .moveCheckpoint(checkpoint: 12, to: day("2099-12-30"), reason: "x"),
            message: "moving Transition to success with it: \(Limits.problem(with: day("2100-01-13")) ?? "")"),
    ]

    @Test(arguments: refusals)
    func aMoveThatCannotKeepTheOrderIsRefusedInWords(_ c: RefusedChange) {
        #expect(throws: Refusal(c.message)) { try c.account.applying(c.change, PlanOrderTests.ctx) }
    }

    @Test func undoPutsBackTheWholeMoveAsOne() throws {
        let a = PlanOrderTests.planned()
        let (b, e) = try a.applying(
            .moveCheckpoint(checkpoint: 11, to: day("2026-02-10"), reason: "SSO late"), PlanOrderTests.ctx)
        #expect(b.checkpoints.filter { $0.replan != nil }.count == 3)
        let (c, _) = try b.applying(.undo(before: a, after: b, of: e), PlanOrderTests.ctx)
        #expect(c.checkpoints.map(\.due) == a.checkpoints.map(\.due))
        #expect(c.checkpoints.map(\.replan) == a.checkpoints.map(\.replan))
        #expect(c.targetGoLive == a.targetGoLive && c.goLivePlan == nil)
        let (d, _) = try c.applying(.redo(before: b, after: c, of: e), PlanOrderTests.ctx)
        #expect(d.checkpoints.map(\.due) == b.checkpoints.map(\.due))
    }

    @Test func anUndoThatWouldLeaveThePlanOutOfOrderIsRefused() throws {
        let a = PlanOrderTests.planned()
        let (b, e) = try a.applying(.moveGoLive(to: day("2026-01-28"), reason: "pulled in"), PlanOrderTests.ctx)
        let (c, _) = try b.applying(
            .moveCheckpoint(checkpoint: 13, to: day("2026-01-30"), reason: "pulled in"), PlanOrderTests.ctx)
        #expect(
            throws: Refusal(
                "Transition to success (2026-01-30) would be due before Go-live (2026-02-01), of an earlier stage: "
                    + "a plan is never out of order")
        ) { try c.applying(.undo(before: a, after: b, of: e), PlanOrderTests.ctx) }
    }

    @Test func theGoLiveMovedLaterNeverLeavesTheTransitionBeforeIt() throws {
        // The bug this guards: T later left Transition to success due before Go-live.
        for days in 1...40 {
            let a = PlanOrderTests.planned()
            let (b, _) = try a.applying(
                .moveGoLive(to: a.goLive + days, reason: "later"), PlanOrderTests.ctx)
            #expect(b.isInStageOrder, "\(days) days")
            let gap = try #require(b.checkpoint(13)).due - b.goLive
            #expect(gap == (days <= 14 ? 14 - days : 14), "\(days) days")
        }
    }

    /// Any sequence of moves the update function accepts, on a plan in order, leaves it in
    /// order: moves of every kind, achieved checkpoints, undo and redo.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func acceptedMovesNeverLeaveAPlanOutOfOrder(_ seed: UInt64) throws {
        var r = TestRandom(seed: seed)
        var a = PlanOrderTests.planned()
        var done: [(before: Account, after: Account, event: Event)] = []
        var accepted = 0
        for _ in 0..<400 {
            let day = day("2026-01-01") + r.next(90)
            let reason: String? = r.next(4) == 0 ? nil : "why"
            let task = a.tasks[r.next(UInt64(a.tasks.count))].id
            let checkpoint = a.checkpoints[r.next(UInt64(a.checkpoints.count))].id
            let change: Change
            switch r.next(8) {
            case 0, 1: change = .setTaskDue(task: task, due: day, shift: r.next(3) != 0, reason: reason)
            case 2, 3: change = .moveCheckpoint(checkpoint: checkpoint, to: day, reason: "why", only: r.next(4) == 0)
            case 4: change = .moveGoLive(to: day, reason: "why", only: r.next(4) == 0)
            case 5: change = .achieveCheckpoint(checkpoint: checkpoint, confirmedBy: nil, overrideReason: "why")
            case 6:
                guard let last = done.last else { continue }
                change = .undo(before: last.before, after: last.after, of: last.event)
            default: change = .setTaskStatus(task: task, to: .done, reason: nil)
            }
            guard let (b, e) = try? a.applying(change, PlanOrderTests.ctx) else { continue }
            #expect(b.isInStageOrder, "after \(change): \(b.stageOrderBreaks())")
            if case .undo = change { done.removeLast() } else { done.append((a, b, e)) }
            a = b
            accepted += 1
        }
        #expect(accepted > 100, "too few moves taken to prove anything: \(accepted)")
    }

    @Test func aPlaybookWhoseCheckpointsAreOutOfStageOrderIsRefused() {
        var p = PlaybookTests.small()
        let last = p.checkpoints.count - 1
        p.checkpoints[last].dueOffset = 0
        let problems = p.problems().map(\.reason)
        #expect(problems.contains { $0.contains("is due before") && $0.contains("of an earlier stage") }, "\(problems)")
    }
}
