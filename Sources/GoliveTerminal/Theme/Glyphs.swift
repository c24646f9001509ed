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
    public var ellipsis: String { unicode ? "…" : "..." }
    public var separator: String { unicode ? "│" : "|" }
    public var rule: String { unicode ? "─" : "-" }
    public var arrow: String { unicode ? "→" : "->" }
    /// Between a target and the later day it is forecast (`01-10 →01-19`): one cell, so
    /// both fit the board's go-live column at 80 columns.
    public var later: String { unicode ? "→" : ">" }
    /// Marks the column the board is sorted by, pointing the way the order runs.
    public func sorted(reversed: Bool) -> String { unicode ? (reversed ? "▴" : "▾") : (reversed ? "^" : "v") }
}

public enum RAGLike { case red, amber, green, achieved }
