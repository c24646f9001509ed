/// Whose court a stalled onboarding's ball is in, and for how many days.
public struct StallMark: Hashable, Sendable {
    public var ballInCourt: Court
    public var days: Int
    public init(ballInCourt: Court, days: Int) {
        self.ballInCourt = ballInCourt
        self.days = days
    }

    /// The longest-running reason; ties go to the customer, then an approver, then us —
    /// the lead's question is who must move first.
    static func lead(_ found: [(court: Court, days: Int)]) -> StallMark? {
        func rank(_ c: Court) -> Int { c == .customer ? 2 : c == .approver ? 1 : 0 }
        return found.max { ($0.days, rank($0.court)) < ($1.days, rank($1.court)) }.map {
            StallMark(ballInCourt: $0.court, days: $0.days)
        }
    }
}
