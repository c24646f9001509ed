import Testing

@testable import GoliveDomain

/// No metric counts days on hold: a stage's stay, a milestone's and a customer task's
/// lateness, days lost and the go-live stop on a hold's first day and skip the days of a
/// finished one; the kept metric facts give the same figures as the whole accounts.
struct HoldMetricsTests {
    static func metrics(_ a: Account, _ d: String) -> Metrics {
        let m = Metrics.compute(group: "team", accounts: [a], everEscalated: [], asOf: day(d))
        // The kept facts add up to the same.
        #expect(m == Metrics.compute(group: "team", facts: [a.metricFacts], everEscalated: [], asOf: day(d)))
        return m
    }

    static let late = makeAccount(
        tasks: [task(1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-08"))],
        due: day("2026-01-09"))

    @Test func onHoldEveryMetricClockStandsOnTheHoldsFirstDay() {
        let a = HoldTests.held(HoldMetricsTests.late, from: "2026-01-12", until: "2026-06-01")
        let first = HoldMetricsTests.metrics(a, "2026-01-12")
        let later = HoldMetricsTests.metrics(a, "2026-03-01")
        #expect(first.stageDurations == later.stageDurations)
        #expect(first.daysLostOnCustomer == 4 && later.daysLostOnCustomer == 4)
        #expect(first.customerTaskOnTime == later.customerTaskOnTime)
        #expect(first.milestonesOnTime == later.milestonesOnTime)
        // The calendar still runs where it should: without the hold, the days lost grow.
        #expect(HoldMetricsTests.metrics(HoldMetricsTests.late, "2026-03-01").daysLostOnCustomer == 52)
    }

    @Test func afterTheResumeNoMetricCountsTheDaysHeld() {
        var a = HoldTests.held(
            HoldMetricsTests.late, from: "2026-01-12", until: "2026-01-22", resumed: "2026-01-22")
        #expect(HoldMetricsTests.metrics(a, "2026-01-25").daysLostOnCustomer == 7)
        #expect(HoldMetricsTests.metrics(a, "2026-01-25").stageDurations.first?.days.median == 14)
        // Done 10 working days past due; the go-live, due 3 days into the hold, met 2 days
        // after the resume: on time, 13 working days from the contract.
        a.tasks[0].status = .done
        a.tasks[0].finishedOn = day("2026-01-28")
        a.checkpoints[0].due = day("2026-01-15")
        a.checkpoints[0].achievedOn = day("2026-01-24")
        a.checkpoints[0].milestone = .goLive
        let m = HoldMetricsTests.metrics(a, "2026-02-10")
        #expect(m.daysLostOnCustomer == 10)
        #expect(m.milestonesOnTime == Rate(1, of: 1))
        #expect(m.timeToGoLive.median == 13)
    }
}
