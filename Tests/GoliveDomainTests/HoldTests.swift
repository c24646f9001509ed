import Testing

@testable import GoliveDomain

/// Holds: the stage SLA and the stalled clocks stand still while an account is on hold,
/// and go on from where they stopped once it resumes; a hold past its expected resume is
/// a reason of its own.
struct HoldTests {
    static func held(
        _ a: Account, from: String, until: String, resumed: String? = nil, reason: String = "customer freeze"
    ) -> Account {
        var a = a
        a.holds.append(
            Hold(
                reason: reason, by: "Ana", from: day(from), expectedResume: day(until),
                resumedOn: resumed.map(day)))
        return a
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var today: String
        var account: Account
        var daysInStage: Int
        var reasons: [String]
        var days: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "on hold: not stalled, however long past the SLA and however quiet", today: "2026-03-01",
            account: held(
                makeAccount(
                    tasks: [task(1, "SSO", lane: .customer, due: day("2026-01-05"))], lastActivity: day("2026-01-08")),
                from: "2026-01-08", until: "2026-04-01"),
            daysInStage: 7, reasons: [], days: nil),
        Case(
            name: "the stage clock stands still from the hold's first day", today: "2026-01-20",
            account: held(makeAccount(lastActivity: day("2026-01-19")), from: "2026-01-11", until: "2026-02-01"),
            daysInStage: 10, reasons: [], days: nil),
        Case(
            name: "resumed: the stage SLA counts without the days on hold", today: "2026-01-25",
            account: held(
                makeAccount(
                    tasks: [task(1, "Build", due: day("2026-02-10"))], due: day("2026-02-15"),
                    lastActivity: day("2026-01-20")),
                from: "2026-01-05", until: "2026-01-20", resumed: "2026-01-20"),
            daysInStage: 9, reasons: [], days: nil),
        Case(
            name: "resumed: past the SLA once the working days exceed it", today: "2026-01-28",
            account: held(
                makeAccount(
                    tasks: [task(1, "Build", due: day("2026-02-10"))], due: day("2026-02-15"),
                    lastActivity: day("2026-01-27")),
                from: "2026-01-05", until: "2026-01-20", resumed: "2026-01-20"),
            daysInStage: 12,
            reasons: ["Setup at 12 days against an SLA of 10 (2 over, not counting 15 days on hold)"], days: 2),
        Case(
            name: "resumed: a customer task's overdue days skip the hold", today: "2026-01-23",
            account: held(
                makeAccount(
                    tasks: [task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-03"))],
                    due: day("2026-02-15"), lastActivity: day("2026-01-21"), stageEntered: day("2026-01-15")),
                from: "2026-01-06", until: "2026-01-20", resumed: "2026-01-20"),
            daysInStage: 3, reasons: ["customer task 'SSO metadata' overdue 6 days (Acme IT)"], days: 6),
        Case(
            name: "resumed: an approval's pending days skip the hold", today: "2026-01-25",
            account: held(
                makeAccount(
                    tasks: [task(1, "Security review", lane: .approval, owner: "CISO", due: day("2026-02-10"))],
                    due: day("2026-02-15"), lastActivity: day("2026-01-23"), stageEntered: day("2026-01-15")),
                from: "2026-01-16", until: "2026-01-20", resumed: "2026-01-20"),
            daysInStage: 6, reasons: ["approval 'Security review' pending 6 days with CISO"], days: 6),
        Case(
            name: "a hold before the stage began takes nothing off its clock", today: "2026-01-28",
            account: held(
                makeAccount(
                    tasks: [task(1, "Build", due: day("2026-02-10"))], due: day("2026-02-15"),
                    lastActivity: day("2026-01-27"), stageEntered: day("2026-01-10")),
                from: "2026-01-02", until: "2026-01-08", resumed: "2026-01-08"),
            daysInStage: 18, reasons: ["Setup at 18 days against an SLA of 10 (8 over)"], days: 8),
    ]

    @Test(arguments: cases)
    func clocksStandStillOnHoldAndGoOnAfter(_ c: Case) {
        let today = day(c.today)
        #expect(c.account.daysInStage(asOf: today) == c.daysInStage)
        let s = c.account.stall(asOf: today)
        #expect((s?.reasons.map(\.text) ?? []) == c.reasons)
        #expect(s?.days == c.days)
        // The board reads the same from the kept facts.
        let f = c.account.facts
        #expect(f.daysInStage(asOf: today) == c.daysInStage)
        #expect(f.stall(asOf: today) == s.map { StallMark(ballInCourt: $0.ballInCourt, days: $0.days) })
        let strip = f.strip(asOf: today)
        #expect(f.rag(strip: strip, asOf: today) == c.account.status(asOf: today).rag)
    }

    @Test func aHoldPastItsExpectedResumeIsAnAmberReason() {
        let a = HoldTests.held(makeAccount(due: day("2026-03-30")), from: "2026-01-05", until: "2026-01-20")
        #expect(a.status(asOf: day("2026-01-20")).rag == .green)
        let late = a.status(asOf: day("2026-01-23"))
        #expect(late.rag == .amber)
        #expect(
            late.reasons.map(\.text) == [
                "on hold since 2026-01-05 (customer freeze): resume was expected 2026-01-20, 3 days ago"
            ])
        let f = a.facts
        #expect(f.rag(strip: f.strip(asOf: day("2026-01-23")), asOf: day("2026-01-23")) == .amber)
        #expect(f.rag(strip: f.strip(asOf: day("2026-01-20")), asOf: day("2026-01-20")) == .green)
    }

    static let ctx = ChangeContext(who: "Ana", now: "2026-01-12T09:00:00Z", today: day("2026-01-12"))

    @Test func holdingAndResumingAreEventsThatSayWhy() throws {
        let a = makeAccount(lastActivity: day("2026-01-10"))
        let (held, e) = try a.applying(.hold(reason: " customer freeze ", until: day("2026-02-01")), HoldTests.ctx)
        #expect(
            held.currentHold
                == Hold(
                    reason: "customer freeze", by: "Ana", from: day("2026-01-12"), expectedResume: day("2026-02-01")))
        #expect(e.kind == "account.held" && e.after == "2026-02-01" && e.detail == "customer freeze")
        #expect(e.words(in: held) == "put on hold until about 2026-02-01: customer freeze")
        var later = HoldTests.ctx
        later.today = day("2026-01-30")
        let (resumed, r) = try held.applying(.resume(note: "freeze lifted"), later)
        #expect(resumed.currentHold == nil)
        #expect(resumed.holds.first?.resumedOn == day("2026-01-30"))
        #expect(resumed.heldDays(from: signed) == 18)
        #expect(r.words(in: resumed) == "resumed after 18 days on hold: freeze lifted")
        #expect(resumed.lastActivity == day("2026-01-30"))
    }

    static let refusals: [RefusedChange] = [
        RefusedChange(
            name: "already on hold", account: held(makeAccount(), from: "2026-01-05", until: "2026-02-01"),
            change: .hold(reason: "re-scope", until: day("2026-03-01")),
            message: "Acme is already on hold since 2026-01-05"),
        RefusedChange(
            name: "no reason", account: makeAccount(), change: .hold(reason: "  ", until: day("2026-03-01")),
            message: "the reason cannot be empty"),
        RefusedChange(
            name: "resume not after today", account: makeAccount(),
            change: .hold(reason: "freeze", until: day("2026-01-12")),
            message: "the expected resume date must be after today (2026-01-12)"),
        RefusedChange(
            name: "completed onboarding",
            account: {
                var a = makeAccount()
                a.completedOn = day("2026-01-11")
                return a
            }(), change: .hold(reason: "freeze", until: day("2026-03-01")),
            message: "Acme has completed onboarding"),
        RefusedChange(
            name: "resume without a hold", account: makeAccount(), change: .resume(note: nil),
            message: "Acme is not on hold"),
        RefusedChange(
            name: "resume after the hold ended",
            account: held(makeAccount(), from: "2026-01-02", until: "2026-01-05", resumed: "2026-01-05"),
            change: .resume(note: nil), message: "Acme is not on hold"),
    ]

    @Test(arguments: refusals)
    func holdsAreRefusedWhenTheyCannotBe(_ c: RefusedChange) {
        #expect(throws: Refusal(c.message)) { try c.account.applying(c.change, HoldTests.ctx) }
    }

    @Test func undoingAResumePutsTheAccountBackOnHold() throws {
        let a = makeAccount()
        let (held, _) = try a.applying(.hold(reason: "freeze", until: day("2026-02-01")), HoldTests.ctx)
        let (resumed, e) = try held.applying(.resume(note: nil), HoldTests.ctx)
        let (back, _) = try resumed.applying(.undo(before: held, after: resumed, of: e), HoldTests.ctx)
        #expect(back.holds == held.holds)
        #expect(back.currentHold != nil)
    }

    @Test func timeToFirstValueIsReportedWithAndWithoutHoldDays() {
        var a = HoldTests.held(makeAccount(), from: "2026-01-10", until: "2026-01-20", resumed: "2026-01-20")
        a.checkpoints[0].milestone = .firstValue
        a.checkpoints[0].achievedOn = day("2026-01-31")
        let m = Metrics.compute(group: "team", accounts: [a], everEscalated: [], asOf: day("2026-02-01"))
        #expect(m.timeToFirstValue.median == 30)
        #expect(m.timeToFirstValueWithoutHolds.median == 20)
    }
}
