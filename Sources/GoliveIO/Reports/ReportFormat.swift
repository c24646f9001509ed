import CSV
import Foundation
import GoliveDomain
import GoliveStore

public enum ReportFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}
