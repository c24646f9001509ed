import GoliveDomain

/// A store that cannot be used as asked, in one line a user can act on.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// A stored value that the schema should have kept out: the file was damaged or edited
    /// by hand. The value is shown inert, as it comes from the file.
    static func unreadable(_ column: String, _ value: String) -> StoreError {
        StoreError(
            "the store holds a value golive cannot read (\(column) = '\(Text.inert(String(value.prefix(40))))'): "
                + "it was damaged or edited by hand; restore it from an export")
    }
}
