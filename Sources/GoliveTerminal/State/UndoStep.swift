import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// One step `u` can take back (or `Ctrl-R` can do again): the account as the change's
/// transaction found it and left it, so undo knows which rows the change touched.
public struct UndoStep: Equatable, Sendable {
    public var before: Account
    public var after: Account
    public var event: Event

    public init(_ saved: SavedChange) {
        before = saved.before
        after = saved.after
        event = saved.event
    }
}
