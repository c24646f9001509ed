import Foundation
import GoliveIO
import Yams

/// Glyphs for states; ASCII where the locale is not UTF-8.
public struct Glyphs: Sendable {
    public var unicode: Bool
    public init(unicode: Bool) { self.unicode = unicode }

    public func rag(_ r: RAGLike) -> String {
        switch r {
        case .red: unicode ? "✖" : "x"
        case .amber: unicode ? "▲" : "!"
        case .green: unicode ? "●" : "o"
        case .achieved: unicode ? "✔" : "+"
        }
    }
    /// An account on hold, in the RAG column instead of its colour.
    public var hold: String { unicode ? "‖" : "=" }
    public var ellipsis: String { unicode ? "…" : "..." }
    public var separator: String { unicode ? "│" : "|" }
    public var rule: String { unicode ? "─" : "-" }
    public var arrow: String { unicode ? "→" : "->" }
    /// Marks the column the board is sorted by, pointing the way the order runs.
    public func sorted(reversed: Bool) -> String { unicode ? (reversed ? "▴" : "▾") : (reversed ? "^" : "v") }
}

public enum RAGLike { case red, amber, green, achieved }
