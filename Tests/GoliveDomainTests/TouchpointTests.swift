import Testing

@testable import GoliveDomain

/// Touchpoints, the communication schedule: marked held (with what came of it) or missed,
/// added ad hoc; one left unmarked past its window is an amber reason until marked.
struct TouchpointTests {
    static let ctx = ChangeContext(who: "Ana", now: "2026-01-12T09:00:00Z", today: day("2026-01-12"), nextID: 500)

    static func scheduled(_ state: TouchpointState? = nil, on: String = "2026-01-08") -> Account {
        var a = makeAccount(due: day("2026-03-01"))
        a.touchpoints = [
            Touchpoint(id: 40, on: day(on), audience: "champion", channel: "video", objective: "kickoff", state: state),
            Touchpoint(id: 41, on: day("2026-01-22"), audience: "sponsor", channel: "call", objective: "check-in"),
        ]
        return a
    }

    static let cases: [StatusCase] = [
        StatusCase(
            name: "planned, in the future", account: scheduled(on: "2026-01-14"), today: "2026-01-12", rag: .green,
            reasons: []),
        StatusCase(
            name: "two days past: still in its window", account: scheduled(), today: "2026-01-10", rag: .green,
            reasons: []),
        StatusCase(
            name: "three days past and unmarked: amber", account: scheduled(), today: "2026-01-11", rag: .amber,
            reasons: ["touchpoint 'kickoff' of 2026-01-08 (champion, video) not marked held or missed"]),
        StatusCase(
            name: "two unmarked: the first named", account: scheduled(), today: "2026-01-30", rag: .amber,
            reasons: ["touchpoint 'kickoff' of 2026-01-08 (champion, video) not marked held or missed (and 1 more)"]),
        StatusCase(name: "held", account: scheduled(.held), today: "2026-01-20", rag: .green, reasons: []),
        StatusCase(
            name: "missed: said, so no longer a reason", account: scheduled(.missed), today: "2026-01-20", rag: .green,
            reasons: []),
        StatusCase(
            name: "from before touchpoints were recorded", account: scheduled(.unrecorded), today: "2026-01-20",
            rag: .green,
            reasons: []),
        StatusCase(
            name: "a completed onboarding asks nothing",
            account: {
                var a = scheduled()
                a.checkpoints[0].achievedOn = day("2026-01-09")
                a.completedOn = day("2026-01-09")
                return a
            }(), today: "2026-01-30", rag: .green, reasons: []),
    ]

    @Test(arguments: cases)
    func anUnmarkedTouchpointPastItsWindowIsAReason(_ c: StatusCase) {
        c.check()
    }

    @Test func markingHeldMissedAndBackToPlanned() throws {
        let a = TouchpointTests.scheduled()
        let (held, e) = try a.applying(
            .markTouchpoint(touchpoint: 40, state: .held, outcome: " agreed the data model "), TouchpointTests.ctx)
        #expect(held.touchpoints[0].state == .held && held.touchpoints[0].outcome == "agreed the data model")
        #expect(held.touchpoints[0].markedOn == day("2026-01-12"))
        #expect(e.words(in: held) == "touchpoint 'kickoff' of 2026-01-08 held: agreed the data model")
        let (missed, m) = try held.applying(.markTouchpoint(touchpoint: 40, state: .missed), TouchpointTests.ctx)
        #expect(missed.touchpoints[0].state == .missed && missed.touchpoints[0].outcome == nil)
        #expect(m.words(in: missed) == "touchpoint 'kickoff' of 2026-01-08 missed")
        let (planned, p) = try missed.applying(.markTouchpoint(touchpoint: 40, state: nil), TouchpointTests.ctx)
        #expect(planned.touchpoints[0].state == nil && planned.touchpoints[0].markedOn == nil)
        #expect(p.words(in: planned) == "touchpoint 'kickoff' of 2026-01-08 back to planned")
        // Undo puts the touchpoint back as it was.
        let (back, _) = try held.applying(.undo(before: a, after: held, of: e), TouchpointTests.ctx)
        #expect(back.touchpoints == a.touchpoints)
    }

    @Test func aTouchpointCannotBeMarkedHeldBeforeItsDay() throws {
        let ahead = TouchpointTests.scheduled(on: "2026-01-13")
        #expect(throws: Refusal("'kickoff' is on 2026-01-13: it cannot be held before its day")) {
            try ahead.applying(.markTouchpoint(touchpoint: 40, state: .held, outcome: "agreed"), TouchpointTests.ctx)
        }
        // On its day it can; and one ahead can still be marked missed (called off).
        let onTheDay = TouchpointTests.scheduled(on: "2026-01-12")
        let (held, _) = try onTheDay.applying(
            .markTouchpoint(touchpoint: 40, state: .held, outcome: "agreed"), TouchpointTests.ctx)
        #expect(held.touchpoints[0].state == .held)
        let (missed, _) = try ahead.applying(.markTouchpoint(touchpoint: 40, state: .missed), TouchpointTests.ctx)
        #expect(missed.touchpoints[0].state == .missed)
    }

    @Test func anAdHocTouchpointTakesTheNextIdAndItsPlaceInTime() throws {
        let a = TouchpointTests.scheduled()
        let (b, e) = try a.applying(
            .addTouchpoint(on: day("2026-01-15"), audience: "IT lead", channel: "call", objective: "SSO walkthrough"),
            TouchpointTests.ctx)
        #expect(b.touchpoints.map(\.id) == [40, 500, 41])
        #expect(e.words(in: b) == "touchpoint 'SSO walkthrough' added for 2026-01-15 (IT lead · call)")
    }

    struct Refused: CustomTestStringConvertible, Sendable {
        var name: String
        var change: Change
        var message: String
        var testDescription: String { name }
    }

    static let refusals: [Refused] = [
        Refused(
            name: "held without an outcome", change: .markTouchpoint(touchpoint: 40, state: .held),
            message: "a held touchpoint needs what came of it"),
        Refused(
            name: "an empty outcome", change: .markTouchpoint(touchpoint: 40, state: .held, outcome: "  "),
            message: "the outcome cannot be empty"),
        Refused(
            name: "already planned", change: .markTouchpoint(touchpoint: 40, state: nil),
            message: "'kickoff' of 2026-01-08 is already planned"),
        Refused(
            name: "unknown touchpoint", change: .markTouchpoint(touchpoint: 9, state: .missed),
            message: "no touchpoint 9 on Acme"),
        Refused(
            name: "not a state one sets", change: .markTouchpoint(touchpoint: 40, state: .unrecorded),
            message: "a touchpoint is held, missed or planned"),
        Refused(
            name: "an ad-hoc one without an objective",
            change: .addTouchpoint(on: day("2026-01-15"), audience: "IT", channel: "call", objective: " "),
            message: "the objective cannot be empty"),
    ]

    @Test(arguments: refusals)
    func touchpointChangesAreRefusedWhenTheyCannotBe(_ c: Refused) {
        #expect(throws: Refusal(c.message)) { try TouchpointTests.scheduled().applying(c.change, TouchpointTests.ctx) }
    }
}
