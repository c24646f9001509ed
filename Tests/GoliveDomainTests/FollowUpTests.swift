import Testing

@testable import GoliveDomain

/// A review can record the next step and the day to follow up; like any review, it is not
/// activity (it must not hide a stall).
struct FollowUpTests {
    static let ctx = ChangeContext(who: "Lee", now: "2026-01-12T09:00:00Z", today: day("2026-01-12"))

    @Test func aFollowUpIsAReviewWithItsNextStepAndDay() throws {
        let a = makeAccount(lastActivity: day("2026-01-01"))
        let (b, e) = try a.applying(
            .followUp(nextStep: " call the sponsor ", on: day("2026-01-15")), FollowUpTests.ctx)
        #expect(e.kind == "account.reviewed" && e.detail == "call the sponsor" && e.after == "2026-01-15")
        #expect(e.words(in: b) == "marked reviewed; next: call the sponsor, follow up on 2026-01-15")
        #expect(b.lastActivity == day("2026-01-01"))
    }

    @Test(arguments: [
        (Change.followUp(nextStep: "  ", on: day("2026-01-15")), "the next step cannot be empty"),
        (Change.followUp(nextStep: "call", on: day("2026-01-11")), "the follow-up day must be today or later"),
    ])
    func aFollowUpNeedsAStepAndADayNotPast(_ change: Change, _ message: String) {
        #expect(throws: Refusal(message)) { try makeAccount().applying(change, FollowUpTests.ctx) }
    }
}
