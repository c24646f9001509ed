import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What the account screen remembers: the focused lane, the selection in each lane, the
/// selected checkpoint.
public struct AccountFocus: Equatable, Sendable {
    public var accountID: Int64
    public var lane: Lane = .internal
    public var selected: [Lane: Int64] = [:]
    public var checkpoint: Int64?
    /// Whether `[`/`]` chose a checkpoint since a task was last chosen: the bar below then
    /// tells the checkpoint, not the task.
    public var onCheckpoint = false
}
