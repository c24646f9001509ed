import GoliveDomain
import Testing

/// PRODUCT.md's "Forecast, critical path and whose court", clause by clause, on plans small
/// enough to work out on paper. Today is 2026-01-12 unless a case says otherwise; the plan
/// has Integration live (checkpoint 10, stage setup, due 01-20) and Go-live (checkpoint 20,
/// stage live, due 02-01).
struct ScheduleTests {
    static let today = day("2026-01-12")

    static func plan(
        _ tasks: [OnboardingTask], integrationDue: Day = day("2026-01-20"), confirms: Bool = false,
        achieved: Day? = nil, hold: Hold? = nil
    ) -> Account {
        var a = makeAccount(tasks: tasks)
        a.checkpoints = [
            Checkpoint(
                id: 10, key: "integration", name: "Integration live", stage: "setup", due: integrationDue,
                customerConfirms: confirms, achievedOn: achieved),
            Checkpoint(
                id: 20, key: "go_live", name: "Go-live", stage: "live", due: day("2026-02-01"), milestone: .goLive),
        ]
        a.holds = hold.map { [$0] } ?? []
        return a
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var account: Account
        var today: Day = ScheduleTests.today
        /// Forecasts expected, by task id (nil: finished, no forecast).
        var tasks: [Int64: Day?] = [:]
        var integration: Day
        var goLive: Day
        var path: [Schedule.Item]
        var court: Court
        var root: Schedule.Item?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "nothing late: each forecast is its due date, and the move is ours",
            account: plan([task(1, "Kickoff", due: day("2026-01-15"))]),
            tasks: [1: day("2026-01-15")], integration: day("2026-01-20"), goLive: day("2026-02-01"),
            path: [.checkpoint(10)], court: .ours, root: nil),
        Case(
            name: "an overdue task cannot finish before today",
            account: plan([task(1, "Kickoff", due: day("2026-01-05"))], integrationDue: day("2026-01-10")),
            tasks: [1: today], integration: today, goLive: day("2026-02-03"),
            path: [.checkpoint(10), .task(1)], court: .ours, root: .task(1)),
        Case(
            name: "a chain: what waits on an overdue task keeps its own time after it",
            account: plan([
                task(1, "Security review", due: day("2026-01-05")),
                task(2, "SSO setup", due: day("2026-01-19"), dependsOn: [1]),
            ]),
            // gap(2) = 01-19 − 01-05 = 14; F(2) = 01-12 + 14 = 01-26; Integration slips 6 days,
            // and Go-live keeps its 12 days after it: 02-07.
            tasks: [1: today, 2: day("2026-01-26")], integration: day("2026-01-26"), goLive: day("2026-02-07"),
            path: [.checkpoint(10), .task(2), .task(1)], court: .ours, root: .task(1)),
        Case(
            name: "a gap is measured from the latest task waited on, finished ones too",
            account: plan([
                task(1, "Data export", due: day("2026-01-05")),
                task(2, "Contract scan", due: day("2026-01-16"), status: .done),
                task(3, "Import", due: day("2026-01-18"), dependsOn: [1, 2]),
            ]),
            // gap(3) = 01-18 − 01-16 = 2; F(3) = F(1) + 2 = 01-14, earlier than its due date.
            tasks: [1: today, 2: nil, 3: day("2026-01-18")], integration: day("2026-01-20"),
            goLive: day("2026-02-01"), path: [.checkpoint(10)], court: .ours, root: nil),
        Case(
            name: "a tie: the earliest due date sets the forecast, then the lower id",
            account: plan(
                [
                    task(4, "Later due", due: day("2026-01-09")),
                    task(3, "Earlier due", due: day("2026-01-08")),
                    task(2, "Same due, higher id", lane: .customer, due: day("2026-01-08")),
                ], integrationDue: day("2026-01-11")),
            tasks: [4: today, 3: today, 2: today], integration: today, goLive: day("2026-02-02"),
            path: [.checkpoint(10), .task(2)], court: .customer, root: .task(2)),
        Case(
            name: "a rejected approval at the root: our move",
            account: plan(
                [
                    task(
                        1, "Security sign-off", lane: .approval, due: day("2026-01-08"), status: .rejected, reason: "no"
                    )
                ],
                integrationDue: day("2026-01-10")),
            tasks: [1: today], integration: today, goLive: day("2026-02-03"),
            path: [.checkpoint(10), .task(1)], court: .ours, root: .task(1)),
        Case(
            name: "a pending approval at the root: the approver's move",
            account: plan(
                [task(1, "Security sign-off", lane: .approval, due: day("2026-01-08"), status: .pending)],
                integrationDue: day("2026-01-10")),
            tasks: [1: today], integration: today, goLive: day("2026-02-03"),
            path: [.checkpoint(10), .task(1)], court: .approver, root: .task(1)),
        Case(
            name: "a blocked customer task at the root: the customer's move",
            account: plan(
                [task(1, "Send data", lane: .customer, due: day("2026-01-08"), status: .blocked, reason: "legal")],
                integrationDue: day("2026-01-10")),
            tasks: [1: today], integration: today, goLive: day("2026-02-03"),
            path: [.checkpoint(10), .task(1)], court: .customer, root: .task(1)),
        Case(
            name: "a blocked internal task at the root: ours, though a customer task waits on it",
            account: plan(
                [
                    task(1, "Provision tenant", due: day("2026-01-08"), status: .blocked, reason: "capacity"),
                    task(2, "Log in", lane: .customer, due: day("2026-01-09"), dependsOn: [1]),
                ], integrationDue: day("2026-01-10")),
            tasks: [1: today, 2: day("2026-01-13")], integration: day("2026-01-13"), goLive: day("2026-02-04"),
            path: [.checkpoint(10), .task(2), .task(1)], court: .ours, root: .task(1)),
        Case(
            name: "a checkpoint past due that only waits for the customer's confirmation",
            account: plan([task(1, "Done work", due: day("2026-01-05"), status: .done)], confirms: true),
            today: day("2026-01-25"), tasks: [1: nil], integration: day("2026-01-25"), goLive: day("2026-02-06"),
            path: [.checkpoint(10)], court: .customer, root: .checkpoint(10)),
        Case(
            name: "a checkpoint past due with nothing open and nobody to confirm: ours",
            account: plan([task(1, "Done work", due: day("2026-01-05"), status: .done)]),
            today: day("2026-01-25"), tasks: [1: nil], integration: day("2026-01-25"), goLive: day("2026-02-06"),
            path: [.checkpoint(10)], court: .ours, root: .checkpoint(10)),
        Case(
            name: "an achieved checkpoint's forecast is the day it was achieved",
            account: plan([task(1, "Done", due: day("2026-01-05"), status: .done)], achieved: day("2026-01-22")),
            tasks: [1: nil], integration: day("2026-01-22"), goLive: day("2026-02-01"),
            path: [.checkpoint(10)], court: .ours, root: nil),
        Case(
            name: "on hold: the forecast stands as it was on the hold's first day",
            account: plan(
                [task(1, "Kickoff", due: day("2026-01-05"))], integrationDue: day("2026-01-10"),
                hold: Hold(reason: "freeze", by: "lee", from: day("2026-01-08"), expectedResume: day("2026-02-01"))),
            today: day("2026-01-30"), tasks: [1: day("2026-01-08")], integration: day("2026-01-10"),
            goLive: day("2026-02-01"), path: [.checkpoint(10)], court: .ours, root: nil),
    ]

    @Test(arguments: cases)
    func theScheduleFollowsTheRules(_ c: Case) {
        let s = c.account.schedule(asOf: c.today)
        for (id, expected) in c.tasks {
            let t = c.account.tasks.first { $0.id == id }!
            #expect(s.forecast(of: t) == expected, "task \(id)")
        }
        #expect(s.forecast(of: c.account.checkpoints[0]) == c.integration, "Integration live")
        // The terms kept for the facts give the same forecast on the day, and on any other.
        for cp in c.account.checkpoints where !cp.isAchieved {
            let terms = s.terms(of: cp)
            for offset in [-30, -1, 0, 1, 9, 40] {
                let other = c.account.schedule(asOf: c.today + offset)
                #expect(terms?.on(other.day) == other.forecast(of: cp), "\(cp.name), \(offset) days on")
            }
        }
        #expect(s.goLiveForecast == c.goLive, "go-live")
        #expect(s.criticalPath(from: .checkpoint(10)) == c.path)
        let court = s.ballInCourt
        #expect(court.court == c.court)
        #expect(court.root == c.root)
    }

    @Test func aLaterStagesCheckpointIsSetByTheEarlierOneAndItsPathRunsThroughIt() {
        let a = Self.plan([
            task(1, "Security review", due: day("2026-01-05")),
            task(2, "SSO setup", due: day("2026-01-19"), dependsOn: [1]),
        ])
        let s = a.schedule(asOf: Self.today)
        #expect(s.criticalPath(from: .checkpoint(20)) == [.checkpoint(20), .checkpoint(10), .task(2), .task(1)])
        #expect(s.goLiveSlip == 6)
        #expect(s.firstSlipping?.id == 10)
    }

    @Test func onAFullTieATaskSetsTheForecastBeforeACheckpoint() {
        // Go-live's own task and Integration live both give 02-03 and are due the same day.
        var a = Self.plan([task(1, "Kickoff", due: day("2026-01-05"))], integrationDue: day("2026-01-10"))
        a.tasks.append(task(10, "Cut-over", due: day("2026-01-10"), since: day("2026-01-01"), checkpoint: 20))
        let s = a.schedule(asOf: day("2026-01-24"))
        // Integration: 01-24; Go-live: max(02-01, F(Cut-over) = 01-24, 01-24 + 22 = 02-15).
        #expect(s.goLiveForecast == day("2026-02-15"))
        #expect(s.setter(of: .checkpoint(20)) == .checkpoint(10))
        let tie = Schedule.setter(
            of: day("2026-02-15"),
            among: [
                (.checkpoint(10), day("2026-02-15"), day("2026-01-10")),
                (.task(10), day("2026-02-15"), day("2026-01-10")),
            ])
        #expect(tie == .task(10))
    }

    @Test func theGoLiveForecastIsSaidWithItsChainRootFirst() {
        let chained = Self.plan([
            task(1, "Security review", due: day("2026-01-05")),
            task(2, "SSO setup", due: day("2026-01-19"), dependsOn: [1]),
        ])
        #expect(
            chained.goLiveForecastWords(asOf: Self.today)
                == "go-live forecast 2026-02-07, 6 days late: 'Security review' overdue → 'SSO setup' → Integration live"
        )
        #expect(Self.plan([task(1, "Kickoff", due: day("2026-01-15"))]).goLiveForecastWords(asOf: Self.today) == nil)
    }

    @Test func withoutAGoLiveCheckpointTheGoLiveForecastIsTheTarget() {
        var a = makeAccount(tasks: [task(1, "Kickoff", due: day("2026-01-05"))])
        a.checkpoints[0].due = day("2026-01-10")
        let s = a.schedule(asOf: Self.today)
        #expect(s.goLiveForecast == a.targetGoLive)
        #expect(s.slip(of: a.checkpoints[0]) == 2)
    }

    @Test func aWaitThatClosesACycleIsNotFollowed() {
        let a = Self.plan([
            task(1, "A", due: day("2026-01-15"), dependsOn: [2]), task(2, "B", due: day("2026-01-16"), dependsOn: [1]),
        ])
        let s = a.schedule(asOf: Self.today)
        #expect(s.forecast(of: a.tasks[0]) != nil && s.forecast(of: a.tasks[1]) != nil)
    }
}
