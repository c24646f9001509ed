import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What the runtime must do; the update function itself never touches the store.
public enum Effect: Equatable, Sendable {
    case perform(Change, account: Int64, expected: RowVersion?, origin: ChangeOrigin)
    case reload
    case loadHistory(Int64)
    /// Read the agenda (of the user's accounts only, or of every account).
    /// Only the items of `accounts` are read again when given (what changed since).
    case loadAgenda(mine: Bool, accounts: [Int64]? = nil)
    case loadMetrics
    /// Read what changed over the changes screen's period; only for `accounts` when given
    /// (those changed since the screen was read).
    case loadChanges(ChangesPeriod, mine: Bool, accounts: [Int64]? = nil)
    case quit
}

/// Whether a change is the user's own new change, or takes a step of the undo or redo stack.
public enum ChangeOrigin: Equatable, Sendable {
    case new
    case undo
    case redo
}
