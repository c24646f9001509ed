import Testing

@testable import GoliveDomain

/// Dates as people type them, on Sunday 2026-11-22.
struct TypedDayTests {
    @Test(arguments: [
        ("2026-12-10", "2026-12-10"), ("12-10", "2026-12-10"), ("1-5", "2027-01-05"), ("11-01", "2026-11-01"),
        ("+7", "2026-11-29"), ("-2", "2026-11-20"), ("+2w", "2026-12-06"), ("+3d", "2026-11-25"),
        ("today", "2026-11-22"), ("Tomorrow", "2026-11-23"), ("yesterday", "2026-11-21"),
        ("fri", "2026-11-27"), ("monday", "2026-11-23"), ("su", "2026-11-29"), (" +1 ", "2026-11-23"),
    ])
    func aTypedDayMeansTheDayAPersonMeans(_ typed: String, _ meant: String) {
        #expect(Day(typed: typed, today: day("2026-11-22"))?.iso == meant)
    }

    @Test(arguments: ["", "soon", "13-01", "02-30", "+", "+x", "+99999", "s", "2026-02-30", "12-10-1"])
    func somethingThatIsNotADayIsNone(_ typed: String) {
        #expect(Day(typed: typed, today: day("2026-11-22")) == nil)
    }

    /// Moving a date due 2026-12-14: a relative day counts from it, every other form from today.
    @Test(arguments: [
        ("+7", "2026-12-21"), ("-2", "2026-12-12"), ("+2w", "2026-12-28"), ("+3d", "2026-12-17"),
        ("tomorrow", "2026-11-23"), ("fri", "2026-11-27"), ("12-10", "2026-12-10"), ("2027-01-05", "2027-01-05"),
    ])
    func aRelativeDayCountsFromTheDateBeingMoved(_ typed: String, _ meant: String) {
        #expect(Day(typed: typed, today: day("2026-11-22"), moving: day("2026-12-14"))?.iso == meant)
    }

    @Test func aDayNamesItsWeekday() {
        #expect(day("2026-11-27").weekdayName == "Fri" && day("2026-11-22").weekdayName == "Sun")
    }
}
