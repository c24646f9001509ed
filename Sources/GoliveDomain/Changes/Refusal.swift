/// Why a change was refused, in words a user reads on the status line.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
