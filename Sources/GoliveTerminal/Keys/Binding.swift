import Foundation
import GoliveIO
import Yams

public struct Binding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command
    public var scope: Scope
    public var description: String
}
