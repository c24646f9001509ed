import CSV
import Foundation
import GoliveDomain
import GoliveStore

public struct OverdueRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, lane: String, task: String, owner: String, status: String
    public var due: String
    public var daysOverdue: Int
}
