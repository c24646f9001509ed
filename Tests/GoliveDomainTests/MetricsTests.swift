import Foundation
import Testing

@testable import GoliveDomain

/// Three accounts signed 2026-01-01, measured on 2026-03-01; every figure worked by hand.
struct MetricsTests {
    static func account(
        _ id: Int64, csm: String, firstValue: String?, goLive: String?, tasks: [OnboardingTask] = [],
        stages: [Stage], stageIndex: Int, completed: String? = nil
    ) -> Account {
        var a = makeAccount(tasks: tasks)
        a.id = id
        a.csm = csm
        a.stages = stages
        a.stageIndex = stageIndex
        a.completedOn = completed.map(day)
        a.checkpoints = [
            Checkpoint(
                id: 10, key: "fv", name: "First value", stage: "setup", due: day("2026-01-25"), milestone: .firstValue,
                achievedOn: firstValue.map(day)),
            Checkpoint(
                id: 11, key: "gl", name: "Go-live", stage: "live", due: day("2026-02-01"), milestone: .goLive,
                achievedOn: goLive.map(day)),
        ]
        return a
    }

    static let accounts: [Account] = [
        account(
            1, csm: "Ana", firstValue: "2026-01-21", goLive: "2026-02-01",
            tasks: [
                task(1, "Logo", lane: .customer, due: day("2026-01-10"), status: .done, since: day("2026-01-05")),
                task(2, "Data", lane: .customer, due: day("2026-01-10"), status: .done, since: day("2026-01-15")),
            ],
            stages: [
                Stage(
                    key: "setup", name: "Setup", slaDays: 10, enteredOn: day("2026-01-01"), leftOn: day("2026-01-21")),
                Stage(key: "live", name: "Live", slaDays: 5, enteredOn: day("2026-01-21"), leftOn: day("2026-02-01")),
            ],
            stageIndex: 1, completed: "2026-02-01"),
        account(
            2, csm: "Ana", firstValue: "2026-01-31", goLive: "2026-02-15",
            stages: [
                Stage(
                    key: "setup", name: "Setup", slaDays: 10, enteredOn: day("2026-01-01"), leftOn: day("2026-01-09")),
                Stage(key: "live", name: "Live", slaDays: 5, enteredOn: day("2026-01-09")),
            ],
            stageIndex: 1),
        account(
            3, csm: "Bo", firstValue: nil, goLive: nil,
            tasks: [
                task(3, "Config", due: day("2026-02-20")), task(4, "OK", lane: .approval, due: day("2026-02-25")),
                task(5, "Skip", due: day("2026-01-02"), status: .skipped, reason: "n/a"),
            ],
            stages: [
                Stage(key: "setup", name: "Setup", slaDays: 10, enteredOn: day("2026-01-01")),
                Stage(key: "live", name: "Live", slaDays: 5),
            ],
            stageIndex: 0),
    ]

    let m = Metrics.compute(group: "team", accounts: accounts, everEscalated: [1], asOf: day("2026-03-01"), weeks: 6)

    @Test func timeToFirstValueAndGoLiveAreMedianAndSpreadFromContractSigned() {
        #expect(m.timeToFirstValue == Spread([20, 30]))
        #expect(m.timeToFirstValue.median == 25 && m.timeToFirstValue.p25 == 22.5 && m.timeToFirstValue.p75 == 27.5)
        #expect(m.timeToGoLive.median == 38 && m.timeToGoLive.min == 31 && m.timeToGoLive.max == 45)
    }

    @Test func ratesCountWhatHappened() {
        // 1 live on its target, 2 live after it, 3 not live and past it: late as well.
        #expect(m.onTimeGoLive == Rate(1, of: 3))
        #expect(m.customerTaskOnTime == Rate(1, of: 2))
        #expect(m.escalation == Rate(1, of: 3) && m.escalation.percent == "33%")
        #expect(m.accounts == 3 && m.active == 2)
    }

    @Test func daysLostAreSplitByWhoseCourtTheWorkWasIn() {
        // Data: finished 5 days late; Config: open, 9 days past due; OK: pending, 4 days past due;
        // Skip: skipped, ignored.
        #expect(m.daysLostOnCustomer == 5 && m.daysLostOnUs == 9 && m.daysLostOnApprovers == 4)
    }

    @Test func stageDurationsAreMeasuredAgainstSLA() {
        // Setup: 20, 8, and 59 still running; Live: 11 and 51 (running).
        #expect(m.stageDurations.map(\.stage) == ["setup", "live"])
        #expect(m.stageDurations[0].days == Spread([20, 8, 59]) && m.stageDurations[0].overSLA == Rate(2, of: 3))
        #expect(m.stageDurations[1].days == Spread([11, 51]) && m.stageDurations[1].slaDays == 5)
    }

    @Test func loadPerCSMCountsActiveAndThisQuartersNewOnboardings() {
        #expect(
            m.load == [
                CSMLoad(csm: "Ana", active: 1, newThisQuarter: 2, weightedLoad: 2, capacity: 8),
                CSMLoad(csm: "Bo", active: 1, newThisQuarter: 1, weightedLoad: 1, capacity: 8),
            ])
    }

    @Test func capacityCanWeighOnboardingsBySegment() {
        let weighted = Metrics.compute(
            group: "team", accounts: MetricsTests.accounts, everEscalated: [],
            capacity: Capacity(perQuarter: 2, weights: [.enterprise: 1.5]), asOf: day("2026-03-01"))
        // Every account here is an enterprise onboarding: Ana's two weigh 3, over a capacity of 2.
        #expect(weighted.load.map(\.weightedLoad) == [3, 1.5])
        #expect(weighted.load.map(\.isOver) == [true, false])
    }

    @Test func goLivesPerWeekEndWithTheCurrentWeek() {
        // 2026-02-01 is 28 days before → 4 weeks ago; 2026-02-15 is 14 days → 2 weeks ago.
        #expect(m.goLivesPerWeek == [0, 1, 0, 1, 0, 0])
    }

    @Test func anEmptyGroupHasNoMedianAndNoRate() {
        let e = Metrics.compute(group: "none", accounts: [], everEscalated: [], asOf: day("2026-03-01"))
        #expect(e.timeToGoLive.median == nil && e.onTimeGoLive.value == nil && e.onTimeGoLive.percent == "–")
    }

    @Test func theSeedsKPIsAreCountedByHand() {
        // First value on days 20 and 30, none for 3 (59 days in, under the enterprise target of 60).
        #expect(m.firstValueWithin7Days == Rate(0, of: 3))
        #expect(m.firstValueOnTarget == Rate(2, of: 2))
        // 1: both on time; 2: both late; 3: both open past due, late.
        #expect(m.milestonesOnTime == Rate(2, of: 6))
        #expect(m.completion == Rate(1, of: 3))
    }

    @Test func openWorkAlreadyLateCountsAsLateAndOverlappingWaitsCountOnce() {
        var a = MetricsTests.accounts[2]
        a.segment = .smb
        a.tasks = [
            // Done 10 days late, and open 20 days past due on 2026-02-25, partly over the same days.
            task(1, "SSO", lane: .customer, due: day("2026-02-01"), status: .done, since: day("2026-02-11")),
            task(2, "Data", lane: .customer, due: day("2026-02-05"), status: .waiting, since: day("2026-02-05")),
            task(3, "Logo", lane: .customer, due: day("2026-03-10")),
        ]
        let k = Metrics.compute(group: "x", accounts: [a], everEscalated: [], asOf: day("2026-02-25"))
        // SSO late (done after its due date), Data open and overdue: late; Logo not due yet.
        #expect(k.customerTaskOnTime == Rate(0, of: 2))
        // 02-01 → 02-11 and 02-05 → 02-25 cover 02-01 … 02-24: 24 days, not 10 + 20.
        #expect(k.daysLostOnCustomer == 24)
        // SMB first value is due within 21 days: 55 days in without it is late.
        #expect(k.firstValueOnTarget == Rate(0, of: 1))
    }
}
