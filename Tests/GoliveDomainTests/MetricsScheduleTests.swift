import GoliveDomain
import Testing

/// The KPIs the schedule changes: milestones on time per milestone as well as in all, new
/// onboardings per CSM in the calendar quarter (its days named), and the go-live forecast
/// slip across the onboardings not yet live — each from whole accounts and from the kept
/// metric facts alike.
struct MetricsScheduleTests {
    static let today = day("2026-11-20")

    /// An account with Kickoff (due 9 days after the contract) and Go-live (due at its
    /// target); `signed` its contract, `kickoffOn`/`liveOn` when each was achieved (a Kickoff
    /// not achieved and past due holds the go-live back too), `openTask` a task of ours
    /// still open leading to Go-live.
    static func account(
        _ id: Int64, csm: String = "Ana", signed: Day = day("2026-01-01"), target: Day = day("2026-03-01"),
        kickoffOn: Day? = nil, liveOn: Day? = nil, openTask: Day? = nil, completed: Day? = nil
    ) -> Account {
        var a = makeAccount()
        a.id = id
        a.csm = csm
        a.contractSigned = signed
        a.targetGoLive = target
        a.completedOn = completed
        a.checkpoints = [
            Checkpoint(
                id: id * 10, key: "kickoff", name: "Kickoff", stage: "setup", due: signed + 9, achievedOn: kickoffOn),
            Checkpoint(
                id: id * 10 + 1, key: "go_live", name: "Go-live", stage: "live", due: target, milestone: .goLive,
                achievedOn: liveOn),
        ]
        a.tasks = openTask.map { [task(id * 100, "Cut over", due: $0, checkpoint: id * 10 + 1)] } ?? []
        return a
    }

    static func metrics(_ accounts: [Account]) -> Metrics {
        let whole = Metrics.compute(group: "team", accounts: accounts, everEscalated: [], asOf: today)
        let kept = Metrics.compute(group: "team", facts: accounts.map(\.metricFacts), everEscalated: [], asOf: today)
        #expect(whole == kept, "the kept facts give the same figures")
        return whole
    }

    struct SlipCase: Sendable, CustomTestStringConvertible {
        var name: String
        var accounts: [Account]
        var expected: GoLiveForecastSlip
        var testDescription: String { name }
    }

    static let kicked = day("2026-01-08")

    static let slipCases: [SlipCase] = [
        SlipCase(
            name: "Kickoff never achieved: the go-live waits on it too",
            accounts: [account(1, target: today + 10)],
            // Kickoff (due 01-10) is forecast today, and the go-live keeps its days after it:
            // as late as Kickoff is.
            expected: GoLiveForecastSlip([today - day("2026-01-10")])),
        SlipCase(
            name: "37 days past its target and not live: late, for the days the schedule still needs",
            accounts: [account(1, target: today - 37, kickoffOn: kicked)], expected: GoLiveForecastSlip([37])),
        SlipCase(
            name: "on its target with nothing late: not late",
            accounts: [account(1, target: today + 10, kickoffOn: kicked, openTask: today + 5)],
            expected: GoLiveForecastSlip([0])),
        SlipCase(
            name: "work of ours due after the go-live pushes its forecast",
            accounts: [account(1, target: today + 10, kickoffOn: kicked, openTask: today + 16)],
            expected: GoLiveForecastSlip([6])),
        SlipCase(
            name: "live, or completed: not counted",
            accounts: [
                account(1, target: today - 30, liveOn: today - 20),
                account(2, target: today - 30, completed: today - 1),
                account(3, target: today - 4, kickoffOn: kicked),
            ],
            expected: GoLiveForecastSlip([4])),
        SlipCase(
            name: "on hold: the forecast stands as on the hold's first day",
            accounts: [
                {
                    var a = account(1, target: today - 20, kickoffOn: kicked)
                    a.holds = [Hold(reason: "freeze", by: "lee", from: today - 12, expectedResume: today + 30)]
                    return a
                }()
            ],
            expected: GoLiveForecastSlip([8])),
    ]

    @Test(arguments: slipCases)
    func theGoLiveForecastSlipCountsLateOnboardingsNotYetLive(_ c: SlipCase) {
        #expect(Self.metrics(c.accounts).goLiveForecastSlip == c.expected)
    }

    @Test func milestonesOnTimeAreGivenPerMilestoneAndInAll() {
        let m = Self.metrics([
            // Kickoff on time, go-live late.
            Self.account(1, kickoffOn: day("2026-01-08"), liveOn: day("2026-03-05")),
            // Kickoff late; go-live not due yet.
            Self.account(2, signed: day("2026-10-01"), target: day("2026-12-20"), kickoffOn: day("2026-10-15")),
            // Kickoff past due and not achieved: late.
            Self.account(3, signed: day("2026-11-01"), target: day("2027-01-20")),
        ])
        #expect(m.milestones.map(\.key) == ["kickoff", "go_live"])
        #expect(m.milestones.map(\.name) == ["Kickoff", "Go-live"])
        #expect(m.milestones[0].onTime == Rate(1, of: 3))
        #expect(m.milestones[1].onTime == Rate(0, of: 1))
        #expect(m.milestonesOnTime == Rate(1, of: 4))
    }

    @Test func newOnboardingsAreThoseSignedInTheCalendarQuarterAndTheLabelNamesItsDays() {
        let m = Self.metrics([
            Self.account(1, csm: "Ana", signed: day("2026-10-01")),
            Self.account(2, csm: "Ana", signed: day("2026-11-20")),
            // 60 days ago, but last quarter: not new in this one.
            Self.account(3, csm: "Ana", signed: day("2026-09-21")),
            // Signed after today (a pinned --as-of): not yet.
            Self.account(4, csm: "Ana", signed: day("2026-11-25")),
            Self.account(5, csm: "Ben", signed: day("2026-12-31")),
        ])
        #expect(m.quarter == "2026-Q4, 2026-10-01 to 2026-12-31")
        #expect(m.load.first { $0.csm == "Ana" }?.newThisQuarter == 2)
        #expect(m.load.first { $0.csm == "Ben" }?.newThisQuarter == 0)
    }
}
