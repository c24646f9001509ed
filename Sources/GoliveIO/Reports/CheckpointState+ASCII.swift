import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension CheckpointState {
    /// One character per state for plain-text strips.
    public var asciiGlyph: String {
        switch self {
        case .achieved: "+"
        case .onTrack: "o"
        case .atRisk: "!"
        case .offTrack: "x"
        }
    }
}
