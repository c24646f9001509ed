/// How far a date moved from the first plan: the first plan's day, kept as the baseline,
/// and how many times it moved since. Nil on a date never moved.
public struct Replan: Hashable, Codable, Sendable {
    public var baseline: Day
    public var moves: Int

    public init(baseline: Day, moves: Int) {
        self.baseline = baseline
        self.moves = moves
    }

    /// The plan after one more move away from `current` (the first keeps it as the baseline).
    static func moving(_ plan: Replan?, from current: Day) -> Replan {
        Replan(baseline: plan?.baseline ?? current, moves: (plan?.moves ?? 0) + 1)
    }
}
