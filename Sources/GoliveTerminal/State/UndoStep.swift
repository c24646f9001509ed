import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// One step `u` can take back.
public struct UndoStep: Equatable, Sendable {
    public var snapshot: Account
    public var event: Event
}
