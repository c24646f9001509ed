/// A planned communication: welcome, kickoff, check-ins, milestone reviews.
public struct Touchpoint: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var on: Day
    public var audience: String
    public var channel: String
    public var objective: String
    /// Nil while planned.
    public var state: TouchpointState?
    /// What came of it ("agreed the data model"), when held.
    public var outcome: String?
    /// The day it was marked held or missed.
    public var markedOn: Day?

    public init(
        id: Int64, on: Day, audience: String, channel: String, objective: String, state: TouchpointState? = nil,
        outcome: String? = nil, markedOn: Day? = nil
    ) {
        self.id = id
        self.on = on
        self.audience = audience
        self.channel = channel
        self.objective = objective
        self.state = state
        self.outcome = outcome
        self.markedOn = markedOn
    }

    /// Days after its day a touchpoint may still be held before it needs an answer: a
    /// check-in moved from Tuesday to Thursday is still held.
    public static let windowDays = 2

    /// Why a touchpoint on `day` cannot be marked held as of `today`, or nil when it can: one
    /// still ahead has not happened, and marking it held would record a meeting that never was.
    public static func heldTooEarly(_ objective: String, on day: Day, asOf today: Day) -> String? {
        day > today ? "'\(objective)' is on \(day.iso): it cannot be held before its day" : nil
    }

    /// Planned, and its window is over as of `today`.
    public func isUnanswered(asOf today: Day) -> Bool {
        state == nil && today - on > Touchpoint.windowDays
    }
}
