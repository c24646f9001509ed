import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

public enum Screen: Equatable, Sendable {
    case board, stalled, agenda, metrics
    /// What changed per account since the user's last review (or a period).
    case changes
    case account(Int64)
    case history(Int64)
    /// An account's touchpoints, past and planned.
    case touchpoints(Int64)
    /// An account's plan as bars over the days or weeks.
    case timeline(Int64)

    var scope: Scope {
        switch self {
        case .board: .board
        case .stalled: .stalled
        case .agenda: .agenda
        case .metrics: .metrics
        case .changes: .changes
        case .account: .account
        case .history: .history
        case .touchpoints: .touchpoints
        case .timeline: .timeline
        }
    }
}
