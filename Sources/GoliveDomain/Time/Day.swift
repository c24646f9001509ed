import Foundation

/// A calendar day, independent of time zones: every rule in golive works in whole days
/// ("overdue 4 days"), and `--as-of` pins "today" to one of these.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar,
        // with no Calendar/TimeZone involved, so tests and seeds are reproducible anywhere.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` strictly (no other shapes, real dates only).
    public init?(iso text: some StringProtocol) {
        var s = String(text)
        guard let day = s.withUTF8({ Day(isoBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = day
    }

    /// Parses the UTF-8 bytes of `YYYY-MM-DD` where they lie: the store holds hundreds of
    /// thousands of dates, and profiles showed the generic string functions (and the
    /// strings made only to be parsed) taking most of the time to read a large portfolio.
    public init?(isoBytes b: UnsafeRawBufferPointer) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                let d = b[i] &- UInt8(ascii: "0")
                guard d <= 9 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), (1...12).contains(m),
            (1...Day.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var iso: String {
        let c = components
        // Digit by digit into the string's own ten bytes (a small string, held inline):
        // String(format:) and then a temporary array showed up in profiles of large reports.
        return String(unsafeUninitializedCapacity: 10) { b in
            var y = c.year
            for i in (0..<4).reversed() {
                b[i] = UInt8(0x30 + y % 10)
                y /= 10
            }
            b[4] = 0x2D
            b[5] = UInt8(0x30 + c.month / 10)
            b[6] = UInt8(0x30 + c.month % 10)
            b[7] = 0x2D
            b[8] = UInt8(0x30 + c.day / 10)
            b[9] = UInt8(0x30 + c.day % 10)
            return 10
        }
    }

    public var description: String { iso }

    /// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day a moment falls on in UTC; events store UTC timestamps.
    public init(_ date: Date) {
        self.init(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Today in the local time zone: what a CSM means by "today".
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> Day {
        Day(now.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: now))))
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
    public static func + (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal + days) }
    public static func - (a: Day, days: Int) -> Day { Day(ordinal: a.ordinal - days) }
    /// Whole days from `b` to `a`.
    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }
}
