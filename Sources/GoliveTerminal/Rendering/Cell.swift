import GoliveDomain

/// One terminal cell. A wide character occupies its cell and marks the next one as its
/// continuation, so the buffer's columns always match the terminal's.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role
    /// Drawn with reverse video on top of the role (the selected row).
    public var highlighted: Bool
    public var continuation: Bool

    public static let blank = Cell(text: " ", role: .normal, highlighted: false, continuation: false)
}
