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
        "\(day.iso)T" + String(format: "%02d:%02d:00Z", hour, minute)
    }
}
