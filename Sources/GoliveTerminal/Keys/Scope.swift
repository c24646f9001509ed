import Foundation
import GoliveIO
import Yams

/// Where a binding applies.
public enum Scope: String, CaseIterable, Sendable {
    case everywhere, board, stalled, agenda, metrics, changes, account, history, touchpoints, timeline

    public var title: String {
        switch self {
        case .everywhere: "Everywhere"
        case .board: "Board"
        case .stalled: "Stalled review"
        case .agenda: "Agenda"
        case .metrics: "Metrics"
        case .changes: "Changes"
        case .account: "Account"
        case .history: "History"
        case .touchpoints: "Touchpoints"
        case .timeline: "Timeline"
        }
    }
}
