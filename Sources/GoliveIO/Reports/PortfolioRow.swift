import CSV
import Foundation
import GoliveDomain
import GoliveStore

public struct PortfolioRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, segment: String, stage: String, rag: String
    public var reasons: [String]
    public var checkpoints: [CheckpointRow]
    public var nextDue: String?
    public var goLive: String
    public var daysToGoLive: Int
    public var arr: Int
    public var stalled: Bool
    public var completed: Bool
}

public struct CheckpointRow: Codable, Hashable, Sendable {
    public var name: String, due: String, state: String
    public var achievedOn: String?
}
