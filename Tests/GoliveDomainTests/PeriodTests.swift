import GoliveDomain
import Testing

/// The periods the KPIs compare, worked out on a calendar.
struct PeriodTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var period: Period
        var day: String
        var span: (String, String)
        var previous: (String, String)
        var name: String
        var testDescription: String { "\(period) of \(day)" }
    }

    static let cases: [Case] = [
        Case(
            period: .quarter, day: "2026-11-22", span: ("2026-10-01", "2026-12-31"),
            previous: ("2026-07-01", "2026-09-30"), name: "2026-Q4"),
        Case(
            period: .quarter, day: "2026-02-10", span: ("2026-01-01", "2026-03-31"),
            previous: ("2025-10-01", "2025-12-31"), name: "2026-Q1"),
        Case(
            period: .month, day: "2026-03-01", span: ("2026-03-01", "2026-03-31"),
            previous: ("2026-02-01", "2026-02-28"), name: "2026-03"),
        Case(
            period: .month, day: "2028-03-15", span: ("2028-03-01", "2028-03-31"),
            previous: ("2028-02-01", "2028-02-29"), name: "2028-03"),
        // 2026-11-22 is a Sunday: its week began on Monday the 16th.
        Case(
            period: .week, day: "2026-11-22", span: ("2026-11-16", "2026-11-22"),
            previous: ("2026-11-09", "2026-11-15"), name: "week of 2026-11-16"),
    ]

    @Test(arguments: cases)
    func aPeriodRunsFromItsFirstDayToItsLast(_ c: Case) {
        let span = c.period.span(holding: day(c.day))
        #expect(span.lowerBound.iso == c.span.0 && span.upperBound.iso == c.span.1)
        let before = c.period.previous(holding: day(c.day))
        #expect(before.lowerBound.iso == c.previous.0 && before.upperBound.iso == c.previous.1)
        #expect(c.period.name(span) == c.name)
    }

    @Test func eachCohortHoldsTheAccountsSignedInItsPeriod() {
        func account(_ id: Int64, signed: String, live: String?) -> Account {
            var a = makeAccount()
            a.id = id
            a.contractSigned = day(signed)
            a.checkpoints[0].milestone = .goLive
            a.checkpoints[0].achievedOn = live.map(day)
            return a
        }
        let accounts = [
            account(1, signed: "2026-10-05", live: "2026-10-25"),  // Q4: 20 days to go-live
            account(2, signed: "2026-11-01", live: nil),  // Q4, not live yet
            account(3, signed: "2026-08-01", live: "2026-09-10"),  // Q3: 40 days
            account(4, signed: "2026-09-30", live: "2026-11-29"),  // Q3: 60 days (the last day of Q3)
            account(5, signed: "2026-06-30", live: "2026-07-05"),  // Q2: in neither
        ]
        let c = PeriodComparison.compute(.quarter, accounts: accounts, everEscalated: [], asOf: day("2026-11-30"))
        #expect(c.current.group == "2026-Q4" && c.previous.group == "2026-Q3")
        #expect(c.current.accounts == 2 && c.previous.accounts == 2)
        #expect(c.current.timeToGoLive.median == 20)
        #expect(c.previous.timeToGoLive.median == 50)
        #expect(c.currentTo == day("2026-11-30") && c.previousTo == day("2026-09-30"))
    }
}
