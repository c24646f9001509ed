import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What is read from the store at once (start, reload, live refresh): every account's
/// facts, not its tasks.
public struct Snapshot: Sendable {
    public var facts: [AccountFacts]
    public var reviews: [Int64: ReviewInfo]
    /// The newest event when this was read: later events name what changed since.
    public var lastEvent: Int64
    /// Only the accounts changed since the last snapshot (a live refresh), not every one.
    public var changedOnly: Bool
    public init(
        facts: [AccountFacts], reviews: [Int64: ReviewInfo] = [:], lastEvent: Int64 = 0, changedOnly: Bool = false
    ) {
        self.facts = facts
        self.reviews = reviews
        self.lastEvent = lastEvent
        self.changedOnly = changedOnly
    }
}
