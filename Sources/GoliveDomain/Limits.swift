/// The ranges every number and date from outside (CSV, YAML, JSON, options) must fall in,
/// checked where it is read. No real portfolio comes near them, and within them no sum or
/// day offset golive computes can overflow (a million accounts at the largest ARR add up
/// to 10^18, under Int64's 9.2 × 10^18).
public enum Limits {
    /// ARR, whole currency units: up to a trillion.
    public static let arr = 0...1_000_000_000_000
    /// A playbook's day offsets (due days, touchpoints) and SLAs: up to ten years.
    public static let days = 0...3650
    /// What a playbook file may hold where a day count goes: the negatives are then refused
    /// by the playbook's own rules, in their words ("negative SLA").
    public static let readDays = -3650...3650
    /// A playbook's rule thresholds, in days.
    public static let thresholdDays = 0...365
    /// Contract, go-live and due dates, and `--as-of`.
    public static let firstDay = Day(year: 2000, month: 1, day: 1)
    public static let lastDay = Day(year: 2099, month: 12, day: 31)
    /// Accounts in one seeded store.
    public static let accounts = 1...1_000_000
    /// Characters in a name or a title.
    public static let nameLength = 200
    /// Characters in a reason, a note, an outcome or a handoff field: a paragraph.
    public static let textLength = 2_000

    /// What a piece of text from a user is, for its limits.
    public enum TextKind: Sendable {
        /// A name, a title, an owner, a channel: one short line.
        case name
        /// A reason, a note, an outcome, a next step, a handoff field.
        case text
    }

    /// Why golive does not take `text` as a `kind` ("is longer than 200 characters"), or nil.
    /// The one rule every way in applies — a key, a change command, an import, a restore —
    /// so whatever one accepts, the others accept too, and a store's export always restores.
    public static func problem(with text: String, as kind: TextKind) -> String? {
        let limit = kind == .name ? nameLength : textLength
        if text.count > limit { return "is longer than \(limit) characters" }
        if hasControl(text) { return "contains a control character (such as NUL or ESC)" }
        return nil
    }

    /// Why golive does not take `day`, or nil.
    public static func problem(with day: Day) -> String? {
        contains(day) ? nil : "\(day.iso) is outside the dates golive takes (\(dateRange))"
    }

    public static func contains(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }

    /// "outside the dates golive takes (2000-01-01 to 2099-12-31)".
    public static var dateRange: String { "\(firstDay.iso) to \(lastDay.iso)" }

    /// A name or title that holds a control character (NUL, ESC, …) other than a line break.
    public static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { Text.isUnsafe($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }
    }
}
