import Foundation
import GoliveDomain

/// An event with its prior already packed as the store keeps it (on another thread: the
/// seeder writes 50 of them per account, a restore half a million).
public struct PreparedEvent: Sendable {
    public let event: Event
    let packedPrior: Data?

    public init(_ event: Event) {
        self.event = event
        packedPrior = event.prior.map(StoredPrior.pack)
    }
}
