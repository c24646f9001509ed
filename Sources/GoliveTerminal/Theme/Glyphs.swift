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
        // ASCII "^" for the triangle: "!" is the escalation mark, beside the strip.
        case .amber: unicode ? "▲" : "^"
        case .green: unicode ? "●" : "o"
        case .achieved: unicode ? "✔" : "+"
        }
    }
    /// An escalated account, in its own column: in both sets, and no state's glyph.
    public var escalated: String { "!" }
    /// An account on hold, in the RAG column instead of its colour.
    public var hold: String { unicode ? "‖" : "=" }
    public var ellipsis: String { unicode ? "…" : "..." }
    public var separator: String { unicode ? "│" : "|" }
    public var rule: String { unicode ? "─" : "-" }
    public var arrow: String { unicode ? "→" : "->" }
    /// Between a target and the later day it is forecast (`01-10 →01-19`): one cell, so
    /// both fit the board's go-live column at 80 columns.
    public var forecastArrow: String { unicode ? "→" : ">" }
    /// Marks the column the board is sorted by, pointing the way the order runs.
    public func sorted(reversed: Bool) -> String { unicode ? (reversed ? "▴" : "▾") : (reversed ? "^" : "v") }

    // The timeline's marks: each reads without colour, and has an ASCII form.
    /// Planned work, from the day after what it waits on is due to its due date.
    public var plannedBar: String { unicode ? "━" : "-" }
    /// Planned work on the critical path to the go-live.
    public var criticalBar: String { unicode ? "█" : "=" }
    /// The slip: from the due date to the forecast.
    public var slipBar: String { unicode ? "░" : "~" }
    /// A label's mark for work on the critical path.
    public var critical: String { unicode ? "◆" : "*" }
    /// The first plan's date, where a date moved, and the days between it and the new one.
    public var baseline: String { unicode ? "┊" : ":" }
    public var moved: String { unicode ? "·" : "." }
    /// Today's line down the chart, and its mark on the dates above.
    public var todayLine: String { unicode ? "┃" : "|" }
    public var todayMark: String { unicode ? "▼" : "v" }
    /// Work before or after the days in view.
    public var earlier: String { unicode ? "◂" : "<" }
    public var later: String { unicode ? "▸" : ">" }
}

public enum RAGLike { case red, amber, green, achieved }
