import Foundation
import GoliveIO
import Yams

/// The one table that drives both input and the help overlay.
public struct KeyTable: Sendable {
    public var bindings: [Binding]

    /// The command `key` means on `scope` (a screen's own bindings first).
    public func command(for key: Key, in scope: Scope) -> Command? {
        bindings.first { $0.scope == scope && $0.keys.contains(key) }?.command
            ?? bindings.first { $0.scope == .everywhere && $0.keys.contains(key) }?.command
    }

    public func keys(for command: Command) -> [Key] { bindings.first { $0.command == command }?.keys ?? [] }
}
