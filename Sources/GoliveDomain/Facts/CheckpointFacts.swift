/// What the RAG rules need to know about one checkpoint, whatever the date: kept in the
/// store beside the account and updated in the same transaction as every change, so the
/// board never has to read an account's tasks to colour it.
public struct CheckpointFacts: Hashable, Sendable {
    public var id: Int64
    /// Its due date as the clocks read it: moved on by the days of finished holds since
    /// (`Account.clockStart`), as are the days below.
    public var due: Day
    public var achieved: Bool
    /// The go-live checkpoint: its forecast is the go-live forecast.
    public var isGoLive: Bool
    /// Unfinished tasks leading to it.
    public var open: Int
    /// Of those, blocked tasks and rejected approvals (each makes it off track).
    public var blockedOrRejected: Int
    /// The earliest due date among its unfinished tasks (overdue ⇒ at risk).
    public var earliestOpenDue: Day?
    /// Since when its longest-waiting customer task has waited.
    public var longestCustomerWaitSince: Day?
    /// Its forecast on any day `D`, `max(forecastFixed, D + forecastAfterDay)`
    /// (`Schedule.Terms`): the fixed part, and the days it runs after the day.
    public var forecastFixed: Day
    public var forecastAfterDay: Int
    /// Its forecast is after its due date whatever the day.
    public var forecastLate: Bool { forecastFixed > due }

    /// Its forecast on `day` (the first day of a hold while on hold).
    public func forecast(on day: Day) -> Day { max(forecastFixed, day + forecastAfterDay) }

    public init(
        id: Int64, due: Day, achieved: Bool, isGoLive: Bool = false, open: Int = 0, blockedOrRejected: Int = 0,
        earliestOpenDue: Day? = nil, longestCustomerWaitSince: Day? = nil, forecastFixed: Day? = nil,
        forecastAfterDay: Int = 0
    ) {
        self.id = id
        self.due = due
        self.achieved = achieved
        self.isGoLive = isGoLive
        self.open = open
        self.blockedOrRejected = blockedOrRejected
        self.earliestOpenDue = earliestOpenDue
        self.longestCustomerWaitSince = longestCustomerWaitSince
        self.forecastFixed = forecastFixed ?? due
        self.forecastAfterDay = forecastAfterDay
    }

    /// The same state as `Account.status(of:asOf:)`, from the facts alone; `forecastDay` is
    /// the day the schedule is worked out on (the first day of a hold while on hold).
    public func state(asOf today: Day, _ t: Thresholds, forecastDay: Day? = nil) -> CheckpointState {
        if achieved { return .achieved }
        if today > due || blockedOrRejected > 0 { return .offTrack }
        let dueIn = due - today
        if open > 0 && dueIn <= t.amberWindowDays { return .atRisk }
        if let d = earliestOpenDue, today > d { return .atRisk }
        if let since = longestCustomerWaitSince, today - since > t.customerWaitDays { return .atRisk }
        if forecast(on: forecastDay ?? today) > due { return .atRisk }
        return .onTrack
    }
}
