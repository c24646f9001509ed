import CSV
import Foundation
import GoliveDomain
import GoliveStore

public enum ReportKind: String, CaseIterable, Sendable {
    case stalled, overdue, metrics, portfolio, changes
}
