import CSV
import Foundation
import GoliveDomain
import GoliveStore

/// Rows of the reports, with the JSON field names other tools rely on (snake_case).
public struct StalledRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, segment: String, stage: String, rag: String
    public var reasons: [String]
    public var ballInCourt: String
    public var daysStalled: Int
    public var daysInStage: Int, slaDays: Int
    public var arr: Int
    public var escalated: Bool
}
