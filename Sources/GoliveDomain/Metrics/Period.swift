/// A stretch of the calendar the KPIs compare: this quarter (month, week) against the
/// one before, by the onboardings whose contract was signed in each (a cohort).
public enum Period: String, CaseIterable, Codable, Sendable {
    case quarter, month, week

    /// The period holding `day`: its first and last days.
    public func span(holding day: Day) -> ClosedRange<Day> {
        let (y, m, _) = day.components
        switch self {
        case .week:
            let monday = day - day.weekday
            return monday...(monday + 6)
        case .month:
            return Day(year: y, month: m, day: 1)...Day(year: y, month: m, day: Day.daysIn(month: m, year: y))
        case .quarter:
            let first = (m - 1) / 3 * 3 + 1
            let last = first + 2
            return Day(year: y, month: first, day: 1)...Day(year: y, month: last, day: Day.daysIn(month: last, year: y))
        }
    }

    /// The period before the one holding `day`.
    public func previous(holding day: Day) -> ClosedRange<Day> {
        span(holding: span(holding: day).lowerBound - 1)
    }

    /// "2026-Q4", "2026-11", "week of 2026-11-16".
    public func name(_ span: ClosedRange<Day>) -> String {
        let (y, m, _) = span.lowerBound.components
        switch self {
        case .quarter: return "\(y)-Q\((m - 1) / 3 + 1)"
        case .month: return String(span.lowerBound.iso.prefix(7))
        case .week: return "week of \(span.lowerBound.iso)"
        }
    }

    /// The name and the exact days: "2026-Q4, 2026-10-01 to 2026-12-31".
    public func title(_ span: ClosedRange<Day>) -> String {
        "\(name(span)), \(span.lowerBound.iso) to \(span.upperBound.iso)"
    }
}
