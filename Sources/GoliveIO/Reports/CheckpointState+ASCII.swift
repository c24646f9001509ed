import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension CheckpointState {
    /// One character per state for plain-text strips: the board's ASCII marks (`!` is only
    /// ever escalated).
    public var asciiGlyph: String {
        switch self {
        case .achieved: "+"
        case .onTrack: "o"
        case .atRisk: "^"
        case .offTrack: "x"
        }
    }
}
