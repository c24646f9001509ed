/// Whose court the ball is in on every day, as a few days where it changes hands: the
/// kept facts carry it so the board, its `court:` filter and the stalled review answer
/// from the schedule without the account's tasks, for whatever day they look at.
public struct BallInCourt: Hashable, Sendable {
    /// From this day on (until the next change), this court.
    public struct Change: Hashable, Sendable {
        public var from: Day
        public var court: Court

        public init(from: Day, court: Court) {
            self.from = from
            self.court = court
        }
    }

    /// The court before the first change.
    public var first: Court
    /// In order of day.
    public var changes: [Change]

    public init(first: Court, changes: [Change] = []) {
        self.first = first
        self.changes = changes
    }

    /// Whose court the ball is in on `day`.
    public func on(_ day: Day) -> Court {
        var court = first
        for c in changes {
            if c.from > day { break }
            court = c.court
        }
        return court
    }
}
