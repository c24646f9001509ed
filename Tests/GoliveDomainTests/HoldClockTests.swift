import Testing

@testable import GoliveDomain

/// "A hold leaves an account exactly as it was on its first day" (issue 36): on every day of
/// a hold the colour, reasons, checkpoint states, forecasts, days in stage, customer plan
/// and kept facts are those of the hold's first day; after the resume every clock is less
/// by the days held, whether or not the open plan moved; and the kept facts agree with the
/// rules on each of those days.
struct HoldClockTests {
    static let first = day("2026-01-20")
    static let expected = day("2026-12-01")
    static let held = 12
    static let resumed = first + held

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var account: Account
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "an overdue customer task",
            account: makeAccount(
                tasks: [task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-14"))],
                due: day("2026-02-15"))),
        Case(
            name: "an approval pending",
            account: makeAccount(
                tasks: [
                    task(
                        1, "Security review", lane: .approval, owner: "CISO", due: day("2026-02-10"),
                        since: day("2026-01-05"))
                ],
                due: day("2026-02-15"))),
        Case(
            name: "a customer task waiting",
            account: makeAccount(
                tasks: [
                    task(
                        1, "Sample data", lane: .customer, owner: "Acme IT", due: day("2026-02-10"), status: .waiting,
                        since: day("2026-01-12"))
                ],
                due: day("2026-02-15"))),
        Case(
            name: "a stage over its SLA",
            account: makeAccount(tasks: [task(1, "Build", due: day("2026-02-10"))], due: day("2026-02-15"))),
        Case(
            name: "a forecast slipping through a chain",
            account: makeAccount(
                tasks: [
                    task(1, "Security review", due: day("2026-01-15")),
                    task(2, "SSO setup", due: day("2026-02-01"), dependsOn: [1]),
                ],
                due: day("2026-02-03"))),
        Case(
            name: "an overdue checkpoint",
            account: makeAccount(tasks: [task(1, "Build", due: day("2026-01-16"))], due: day("2026-01-18"))),
        Case(
            name: "work due during the hold",
            account: makeAccount(
                tasks: [task(1, "Configure", due: day("2026-01-23")), task(2, "Train", due: day("2026-01-30"))],
                due: day("2026-01-31"))),
    ]

    /// The account put on hold on `first` (until far ahead: the hold is not yet past its
    /// expected resume), resumed `held` days later when `resume` says so.
    static func onHold(_ a: Account, resume: Bool = false) -> Account {
        var a = a
        a.holds = [
            Hold(
                reason: "customer freeze", by: "Ana", from: first, expectedResume: expected,
                resumedOn: resume ? resumed : nil)
        ]
        return a
    }

    /// The kept facts give the rules' strip, RAG, days in stage and stalled mark.
    static func factsAgree(_ a: Account, on d: Day, sourceLocation: SourceLocation = #_sourceLocation) {
        let f = a.facts
        let st = a.status(asOf: d)
        let strip = f.strip(asOf: d)
        #expect(strip == st.checkpoints.map(\.state), "\(d.iso)", sourceLocation: sourceLocation)
        #expect(f.rag(strip: strip, asOf: d) == st.rag, "\(d.iso)", sourceLocation: sourceLocation)
        #expect(f.daysInStage(asOf: d) == a.daysInStage(asOf: d), "\(d.iso)", sourceLocation: sourceLocation)
        #expect(
            f.stall(asOf: d) == a.stall(asOf: d).map { StallMark(ballInCourt: $0.ballInCourt, days: $0.days) },
            "\(d.iso)", sourceLocation: sourceLocation)
        #expect(a.ruleView.status(asOf: d) == st, "\(d.iso)", sourceLocation: sourceLocation)
    }

    @Test(arguments: cases)
    func onEveryDayOfAHoldTheAccountStandsAsOnItsFirstDay(_ c: Case) {
        let a = HoldClockTests.onHold(c.account)
        let first = HoldClockTests.first
        let then = a.status(asOf: first)
        // The first day itself: as it was without the hold.
        #expect(then == c.account.status(asOf: first))
        // Without the hold, time alone changes it: the case proves something.
        #expect(c.account.status(asOf: first + 45) != then)
        let plan = a.schedule(asOf: first)
        for d in [first + 1, first + 9, first + 45, first + 200] {
            #expect(a.status(asOf: d) == then, "\(d.iso)")
            let later = a.schedule(asOf: d)
            #expect(later.goLiveForecast == plan.goLiveForecast, "\(d.iso)")
            for cp in a.checkpoints {
                #expect(later.forecast(of: cp) == plan.forecast(of: cp), "\(d.iso)")
                #expect(a.status(of: cp, asOf: d) == a.status(of: cp, asOf: first), "\(d.iso)")
            }
            #expect(later.ballInCourt.court == plan.ballInCourt.court, "\(d.iso)")
            #expect(a.daysInStage(asOf: d) == a.daysInStage(asOf: first), "\(d.iso)")
            for t in a.tasks { #expect(a.daysOverdue(t, asOf: d) == a.daysOverdue(t, asOf: first), "\(d.iso)") }
            #expect(a.goLiveForecastWords(asOf: d) == a.goLiveForecastWords(asOf: first), "\(d.iso)")
            let customer = CustomerPlan(a, today: d)
            let atFirst = CustomerPlan(a, today: first)
            #expect(customer.phases == atFirst.phases && customer.late == atFirst.late, "\(d.iso)")
            // Not stalled on hold, and the facts read the same.
            #expect(a.stall(asOf: d) == nil)
            HoldClockTests.factsAgree(a, on: d)
        }
    }

    @Test func pastItsExpectedResumeTheHoldItselfTurnsTheAccountAmberAndNothingElseMoves() {
        let a = HoldClockTests.onHold(HoldClockTests.cases[0].account)
        let d = HoldClockTests.expected + 4
        let then = a.status(asOf: HoldClockTests.first)
        let now = a.status(asOf: d)
        #expect(now.checkpoints == then.checkpoints)
        #expect(
            now.reasons.map(\.text)
                == [
                    "on hold since 2026-01-20 (customer freeze): resume was expected 2026-12-01, 4 days ago"
                ] + then.reasons.map(\.text))
        HoldClockTests.factsAgree(a, on: d)
    }

    /// Every clock of an account on `d`: days in stage, each open task's days past due
    /// (negative: days left), each wait and pending approval, each checkpoint's days past due
    /// and slip, and the colours.
    static func clocks(_ a: Account, _ d: Day, onlyDueBefore: Day? = nil) -> [String: Int] {
        var out: [String: Int] = ["days in stage": a.daysInStage(asOf: d)]
        let plan = a.schedule(asOf: d)
        let st = a.status(asOf: d)
        for t in a.tasks where t.isOpen {
            if t.status == .waiting { out["waiting \(t.title)"] = a.daysSince(t.statusSince, asOf: d) }
            if let p = a.daysPending(t, asOf: d) { out["pending \(t.title)"] = p }
            guard onlyDueBefore.map({ t.due < $0 }) ?? true else { continue }
            out["due \(t.title)"] = a.daysPast(t.due, asOf: d)
        }
        for (cp, s) in zip(st.checkpoints.map(\.checkpoint), st.checkpoints) {
            guard onlyDueBefore.map({ cp.due < $0 }) ?? true else { continue }
            out["due \(cp.name)"] = a.daysPast(cp.due, asOf: d)
            out["slip \(cp.name)"] = plan.slip(of: cp)
            out["state \(cp.name)"] = CheckpointState.allCases.firstIndex(of: s.state)
        }
        if onlyDueBefore == nil { out["rag"] = RAG.allCases.firstIndex(of: st.rag) }
        return out
    }

    @Test(arguments: cases)
    func afterAResumeThatMovedThePlanEveryClockIsLessByTheDaysHeld(_ c: Case) throws {
        let ctx = ChangeContext(who: "Ana", now: "2026-02-01T09:00:00Z", today: HoldClockTests.resumed)
        let (a, _) = try HoldClockTests.onHold(c.account).applying(.resume(shiftPlan: true), ctx)
        for k in [0, 3, 10, 40] {
            let d = HoldClockTests.resumed + k
            var shifted = a
            var never = c.account
            // Neither quiet: the no-activity clock reads events, not the plan.
            shifted.lastActivity = d
            never.lastActivity = d - HoldClockTests.held
            #expect(
                HoldClockTests.clocks(shifted, d) == HoldClockTests.clocks(never, d - HoldClockTests.held), "+\(k)")
            #expect(
                shifted.stall(asOf: d).map { $0.reasons.map(\.days) }
                    == never.stall(asOf: d - HoldClockTests.held).map { $0.reasons.map(\.days) }, "+\(k)")
            HoldClockTests.factsAgree(shifted, on: d)
            // Counted on the calendar, the clocks would differ.
            #expect(HoldClockTests.clocks(shifted, d) != HoldClockTests.clocks(never, d))
        }
    }

    @Test(arguments: cases)
    func afterAResumeThatLeftThePlanTheClocksThatRanBeforeTheHoldAreLessByTheDaysHeld(_ c: Case) {
        let a = HoldClockTests.onHold(c.account, resume: true)
        for k in [0, 3, 10, 40] {
            let d = HoldClockTests.resumed + k
            let before = HoldClockTests.resumed
            #expect(
                HoldClockTests.clocks(a, d, onlyDueBefore: before)
                    == HoldClockTests.clocks(c.account, d - HoldClockTests.held, onlyDueBefore: before), "+\(k)")
            HoldClockTests.factsAgree(a, on: d)
        }
    }

    @Test func reasonsSayTheDaysOnHoldTheyDoNotCount() {
        let a = HoldClockTests.onHold(
            makeAccount(
                tasks: [
                    task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-14")),
                    task(
                        2, "Sample data", lane: .customer, owner: "Acme IT", due: day("2026-03-10"), status: .waiting,
                        since: day("2026-01-12")),
                ],
                due: day("2026-03-15")), resume: true)
        #expect(
            a.status(asOf: day("2026-02-04")).reasons.map(\.text) == [
                "Integration live: customer task 'SSO metadata' overdue 9 days (not counting 12 days on hold)",
                "Integration live: customer task 'Sample data' waiting 11 days on Acme IT (not counting 12 days on hold)",
            ])
    }

    @Test func workDueDuringTheHoldKeepsTheDaysItHadLeftOnTheFirstDay() {
        // Due 3 days into the hold: still due 3 days after the resume, not overdue at once.
        let a = HoldClockTests.onHold(
            makeAccount(tasks: [task(1, "Configure", due: day("2026-01-23"))], due: day("2026-03-15")), resume: true)
        let t = a.tasks[0]
        #expect(a.daysPast(t.due, asOf: HoldClockTests.resumed) == -3)
        #expect(a.daysOverdue(t, asOf: HoldClockTests.resumed + 3) == 0)
        #expect(a.daysOverdue(t, asOf: HoldClockTests.resumed + 5) == 2)
    }

    @Test func theDigestChasesNothingOnHoldAndCountsByTheClocksAfter() {
        let a = HoldClockTests.onHold(
            makeAccount(
                tasks: [
                    task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-14")),
                    task(2, "Configure", due: day("2026-01-23")),
                ],
                due: day("2026-03-15")))
        #expect(Digest.items(of: a, today: HoldClockTests.first + 5).isEmpty)
        var resumed = a
        resumed.holds[0].resumedOn = HoldClockTests.resumed
        let items = Digest.items(of: resumed, today: HoldClockTests.resumed + 1).filter { $0.0 != .stalled }
        // 'SSO metadata': 6 days overdue when the hold began, 7 now; 'Configure', due 3 days
        // into the hold, is not due until 3 days after the resume.
        #expect(items.map(\.1.what) == ["SSO metadata"])
        #expect(items.map(\.1.state) == ["7 days overdue"])
    }
}
