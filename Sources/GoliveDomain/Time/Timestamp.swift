import Foundation

/// Event timestamps: second precision, UTC, ISO 8601 — sortable as text.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let s = seconds - day.ordinal * 86_400
        return "\(day.iso)T" + String(format: "%02d:%02d:%02dZ", s / 3600, s / 60 % 60, s % 60)
    }

    /// The day part of a timestamp written by `string(_:)`.
    public static func day(of stamp: String) -> Day? { Day(iso: stamp.prefix(10)) }

    /// A deterministic moment on a day (for seeds and tests): `hour` hours past midnight UTC.
    public static func on(_ day: Day, hour: Int = 9, minute: Int = 0) -> String {
        // Without `String(format:)`: the seeder stamps 464,000 events at 10,000 accounts, and
        // formatting through Foundation took 6% of seeding.
        func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(hour)):\(two(minute)):00Z"
    }

    /// The moment a timestamp written by `string(_:)` names.
    public static func date(of stamp: String) -> Date? {
        guard let day = day(of: stamp) else { return nil }
        let time = stamp.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let seconds = day.ordinal * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// When a timestamp was, as a person says it: "just now", "3 min ago", "5 h ago", or
    /// the local date and time when longer ago (events are kept in UTC).
    public static func relative(_ stamp: String, now: Date, timeZone: TimeZone = .current) -> String {
        guard let then = date(of: stamp) else { return stamp }
        let seconds = Int(now.timeIntervalSince(then))
        switch seconds {
        case -59..<60: return "just now"
        case 60..<3600: return "\(seconds / 60) min ago"
        case 3600..<86_400: return "\(seconds / 3600) h ago"
        default: return "on " + local(then, timeZone: timeZone)
        }
    }

    /// "2026-11-20 14:05" in the user's time zone.
    public static func local(_ date: Date, timeZone: TimeZone = .current) -> String {
        let shifted = date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date)))
        let utc = string(shifted)
        return utc.prefix(10) + " " + utc.dropFirst(11).prefix(5)
    }
}
