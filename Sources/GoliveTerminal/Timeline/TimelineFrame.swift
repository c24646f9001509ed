import GoliveDomain

/// How the timeline fits a screen: the label column, the chart beside it, and how many of
/// the chart's columns a week takes (by day seven or a multiple of seven). Keys and drawing both use it,
/// so a scroll is clamped to what is drawn.
struct TimelineFrame: Equatable, Sendable {
    let labelWidth: Int
    let chartWidth: Int
    let scale: TimelineScale
    let perWeek: Int

    /// `scale` nil: a column a day when the whole plan fits so, else weeks.
    init(_ t: Timeline, width: Int, scale: TimelineScale?) {
        // Labels take about a third of a narrow screen and a quarter of a wide one, enough
        // for the playbooks' longest titles: the rest is the chart.
        labelWidth = max(24, min(52, width / 4 + 2))
        chartWidth = max(1, width - labelWidth - 1)
        let span = t.last - t.first + 1
        self.scale = scale ?? (span <= chartWidth ? .days : .weeks)
        // By day a short plan on a wide screen takes two or three columns a day, so it uses
        // the width; by week the plan is fitted to it.
        perWeek =
            self.scale == .days
            ? 7 * max(1, min(3, chartWidth / max(1, span))) : max(1, min(6, chartWidth * 7 / max(1, span)))
    }

    var chartX: Int { labelWidth + 1 }

    /// How many days the chart shows.
    var daysInView: Int { (chartWidth * 7 + perWeek - 1) / perWeek }

    /// How far one sideways step goes: a week by day, four weeks by week.
    var step: Int { scale == .days ? 7 : 28 }

    /// The chart's column of `day` when the chart starts on `start` (outside: below 0 or
    /// from `chartWidth`).
    func column(of day: Day, from start: Day) -> Int {
        let scaled = (day - start) * perWeek
        return scaled >= 0 ? scaled / 7 : -((-scaled + 6) / 7)
    }

    /// By week the chart starts on a Monday, so a week's columns stay together.
    func aligned(_ day: Day) -> Day { scale == .days ? day : day - day.weekday }

    /// `start` moved as little as needed for the chart to stay on the plan.
    func clamped(_ start: Day, in t: Timeline) -> Day {
        let earliest = aligned(t.first)
        let latest = max(earliest, aligned(t.last - daysInView + 1))
        return aligned(min(max(start, earliest), latest))
    }

    /// The first day shown: the one the user scrolled to, else the plan's first day when it
    /// all fits, else a quarter of the chart before today (what is next matters most).
    func start(_ chosen: Day?, in t: Timeline, today: Day) -> Day {
        if let chosen { return clamped(chosen, in: t) }
        return clamped(t.last - t.first < daysInView ? t.first : today - daysInView / 4, in: t)
    }
}
