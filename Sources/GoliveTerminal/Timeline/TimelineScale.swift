/// How much time a column of the timeline stands for.
public enum TimelineScale: String, Sendable {
    /// A column a day (two or three where a short plan leaves the room).
    case days
    /// The plan fitted to the width, a week taking one to six columns.
    case weeks

    var other: TimelineScale { self == .days ? .weeks : .days }

    var title: String { self == .days ? "by day" : "by week" }
}
