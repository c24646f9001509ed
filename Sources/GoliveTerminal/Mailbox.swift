import Foundation

/// Results of reads done off the key path, waiting for the key loop to take them in.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    private var running = 0

    func started() { lock.withLock { running += 1 } }

    func post(_ action: Action) {
        lock.withLock {
            actions.append(action)
            running -= 1
        }
    }

    /// Everything posted since the last look, oldest first.
    func take() -> [Action] {
        lock.withLock {
            defer { actions = [] }
            return actions
        }
    }

    /// Whether a read is still under way or its result not yet taken.
    var isBusy: Bool { lock.withLock { running > 0 || !actions.isEmpty } }
}
