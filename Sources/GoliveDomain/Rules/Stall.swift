public struct Stall: Hashable, Sendable {
    public var reasons: [StallReason]
    /// Whose court the ball is in, from the schedule (`Schedule.ballInCourt`).
    public var ballInCourt: Court
    /// How long the longest-running reason has run.
    public var days: Int
}
