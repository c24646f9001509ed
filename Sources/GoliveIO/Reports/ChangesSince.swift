import Foundation
import GoliveDomain
import GoliveStore

/// Where "what changed" starts: the start of a day, or the user's last review.
public struct ChangesSince: Sendable, Hashable {
    /// Events at or after this timestamp (or day, which sorts before its timestamps) count.
    public var at: String
    /// The day the colours before are judged on.
    public var then: Day
    /// In words, after "what changed": "since 2026-11-16", "in the last 7 days",
    /// "since your last review (2026-11-20 10:02 UTC)".
    public var label: String

    public static func day(_ d: Day) -> ChangesSince {
        ChangesSince(at: d.iso, then: d - 1, label: "since \(d.iso)")
    }

    /// The last `n` days up to `today`, today included.
    public static func lastDays(_ n: Int, today: Day, note: String = "") -> ChangesSince {
        ChangesSince(at: (today - (n - 1)).iso, then: today - n, label: "in the last \(n) days" + note)
    }

    /// Since `user`'s last review, nil when they never marked an account reviewed.
    public static func lastReview(of user: String, in store: Store) throws -> ChangesSince? {
        guard let at = try store.lastReview(by: user), let day = Timestamp.day(of: at) else { return nil }
        let time = at.dropFirst(11).prefix(5)
        return ChangesSince(at: at, then: day, label: "since your last review (\(day.iso) \(time) UTC)")
    }
}
