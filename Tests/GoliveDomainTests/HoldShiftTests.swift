import Testing

@testable import GoliveDomain

/// Resuming with the open plan moved by the days held: one change and one event, exactly
/// the open work due from the hold's first day on moves (finished work, achieved
/// checkpoints and what was overdue when the hold began keep their dates), the first plan
/// moves with it and no move is counted, and one undo takes all of it back.
struct HoldShiftTests {
    static let from = day("2026-01-10")
    static let resumed = day("2026-01-22")

    /// Two stages' checkpoints (one achieved), the go-live, finished, overdue and later work.
    static func account() -> Account {
        var a = makeAccount(
            tasks: [
                task(1, "Kickoff deck", due: day("2026-01-05"), status: .done, since: day("2026-01-04")),
                task(2, "Intake form", lane: .customer, owner: "Acme IT", due: day("2026-01-08")),
                task(3, "Configure", due: day("2026-01-15")),
                task(4, "Go-live sign-off", lane: .approval, owner: "CISO", due: day("2026-01-28"), checkpoint: 11),
            ],
            due: day("2026-01-20"))
        a.checkpoints.insert(
            Checkpoint(
                id: 9, key: "kickoff", name: "Kickoff held", stage: "setup", due: day("2026-01-06"),
                achievedOn: day("2026-01-06")), at: 0)
        a.checkpoints.append(
            Checkpoint(
                id: 11, key: "golive", name: "Go-live", stage: "live", due: day("2026-02-01"), milestone: .goLive,
                replan: Replan(baseline: day("2026-01-29"), moves: 1)))
        a.goLivePlan = Replan(baseline: day("2026-01-29"), moves: 1)
        a.holds = [Hold(reason: "customer freeze", by: "Ana", from: from, expectedResume: day("2026-02-15"))]
        return a
    }

    static let ctx = ChangeContext(who: "Ana", now: "2026-01-22T09:00:00Z", today: resumed)

    @Test func theOfferNamesTheDaysTheWorkAndTheNewGoLive() throws {
        let shift = try #require(HoldShiftTests.account().holdShift(resumingOn: HoldShiftTests.resumed))
        #expect(shift == HoldShift(days: 12, tasks: 2, checkpoints: 2, goLive: day("2026-02-13")))
        #expect(shift.words == "12 days later (2 tasks, 2 checkpoints, go-live 2026-02-13)")
    }

    @Test func resumingWithTheShiftMovesExactlyTheOpenPlanDueFromTheHoldsFirstDay() throws {
        let a = HoldShiftTests.account()
        let (b, e) = try a.applying(.resume(note: "freeze lifted", shiftPlan: true), HoldShiftTests.ctx)
        #expect(b.currentHold == nil && b.holds[0].resumedOn == HoldShiftTests.resumed)
        // Done and overdue-before-the-hold keep their dates; the rest moves 12 days.
        #expect(b.tasks.map(\.due.iso) == ["2026-01-05", "2026-01-08", "2026-01-27", "2026-02-09"])
        #expect(b.checkpoints.map(\.due.iso) == ["2026-01-06", "2026-02-01", "2026-02-13"])
        #expect(b.checkpoints[0] == a.checkpoints[0])
        #expect(b.targetGoLive == day("2026-02-13") && b.goLive == day("2026-02-13"))
        // The first plan moves with it: the days on hold are no slip and no move.
        #expect(b.goLiveSlip == a.goLiveSlip && b.goLiveMoves == a.goLiveMoves)
        #expect(b.checkpoints[2].replan == Replan(baseline: day("2026-02-10"), moves: 1))
        #expect(
            b.metricFacts.targetGoLive - b.metricFacts.goLiveBaseline
                == a.metricFacts.targetGoLive - a.metricFacts.goLiveBaseline)
        #expect(e.kind == "account.resumed")
        #expect(
            e.words(in: b)
                == "resumed after 12 days on hold: freeze lifted; open plan moved 12 days later (2 tasks, "
                + "2 checkpoints, go-live 2026-02-13)")
    }

    @Test func withoutTheShiftNothingMoves() throws {
        let a = HoldShiftTests.account()
        let (b, e) = try a.applying(.resume(note: nil), HoldShiftTests.ctx)
        #expect(b.tasks.map(\.due) == a.tasks.map(\.due) && b.checkpoints.map(\.due) == a.checkpoints.map(\.due))
        #expect(e.words(in: b) == "resumed after 12 days on hold")
    }

    @Test func oneUndoTakesBackTheResumeAndEveryMove() throws {
        let a = HoldShiftTests.account()
        let (b, e) = try a.applying(.resume(shiftPlan: true), HoldShiftTests.ctx)
        let (back, _) = try b.applying(.undo(before: a, after: b, of: e), HoldShiftTests.ctx)
        #expect(back.currentHold == a.currentHold)
        #expect(back.tasks.map(\.due) == a.tasks.map(\.due))
        #expect(back.checkpoints.map(\.due) == a.checkpoints.map(\.due))
        #expect(back.checkpoints.map(\.replan) == a.checkpoints.map(\.replan))
        #expect(back.targetGoLive == a.targetGoLive && back.goLivePlan == a.goLivePlan)
    }

    @Test func aShiftTheDayTheHoldBeganIsRefusedInWords() throws {
        var ctx = HoldShiftTests.ctx
        ctx.today = HoldShiftTests.from
        #expect(throws: Refusal("Acme resumes on the day its hold began: no days held to move the plan by")) {
            try HoldShiftTests.account().applying(.resume(shiftPlan: true), ctx)
        }
    }

    @Test func aShiftWithNothingToMoveIsRefusedInWords() throws {
        var a = makeAccount(due: day("2026-01-05"), achievedOn: day("2026-01-05"))
        a.holds = [Hold(reason: "freeze", by: "Ana", from: HoldShiftTests.from, expectedResume: day("2026-02-15"))]
        a.targetGoLive = day("2026-01-05")
        #expect(a.holdShift(resumingOn: HoldShiftTests.resumed) == nil)
        #expect(
            throws: Refusal(
                "nothing open on Acme is due from the hold's first day (2026-01-10) on: what was overdue then keeps "
                    + "its date, its overdue days skipping the hold")
        ) {
            try a.applying(.resume(shiftPlan: true), HoldShiftTests.ctx)
        }
    }
}
