import Foundation
import Testing

@testable import GoliveDomain

struct DayTests {
    @Test(arguments: [("2026-01-01", 20454), ("1970-01-01", 0), ("2024-02-29", 19782), ("2000-03-01", 11017)])
    func isoDatesRoundTrip(_ text: String, _ ordinal: Int) {
        #expect(Day(iso: text)?.ordinal == ordinal)
        #expect(Day(ordinal: ordinal).iso == text)
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01x", "２０２６-01-01",
    ])
    func malformedDatesAreRefused(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func weekdayCountsFromMonday() {
        #expect(day("2026-11-23").weekday == 0)  // a Monday
        #expect(day("2026-11-22").weekday == 6)
    }

    @Test func timestampsAreUTCSecondPrecision() {
        #expect(Timestamp.string(.init(timeIntervalSince1970: 86_400 + 3_661)) == "1970-01-02T01:01:01Z")
        #expect(Timestamp.day(of: "2026-01-05T23:59:59Z") == day("2026-01-05"))
    }
}

extension DayTests {
    @Test(arguments: [(0, 0, "T00:00:00Z"), (9, 5, "T09:05:00Z"), (17, 0, "T17:00:00Z"), (23, 59, "T23:59:00Z")])
    func aMomentOnADayIsWrittenWithTwoDigitHoursAndMinutes(_ hour: Int, _ minute: Int, _ time: String) {
        #expect(Timestamp.on(day("2026-11-22"), hour: hour, minute: minute) == "2026-11-22" + time)
    }

    @Test func everyMomentOnADayIsOneTimestampReadsBack() {
        let d = day("2026-03-01")
        for hour in 0..<24 {
            for minute in 0..<60 {
                let stamp = Timestamp.on(d, hour: hour, minute: minute)
                #expect(stamp == "2026-03-01T" + String(format: "%02d:%02d:00Z", hour, minute))
                #expect(
                    Timestamp.date(of: stamp)
                        == Date(timeIntervalSince1970: Double(d.ordinal * 86_400 + hour * 3_600 + minute * 60)))
            }
        }
    }
}
