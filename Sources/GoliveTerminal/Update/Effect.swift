import Foundation
import GoliveDomain
import GoliveIO

/// What the runtime must do; the update function itself never touches the store.
public enum Effect: Equatable, Sendable {
    case perform(Change, account: Int64, expected: RowVersion?, isUndo: Bool)
    case reload
    case loadHistory(Int64)
    /// Read the agenda (of the user's accounts only, or of every account).
    case loadAgenda(mine: Bool)
    case loadMetrics
    case quit
}
