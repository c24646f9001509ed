import CSV
import Foundation
import GoliveDomain
import GoliveStore

public struct MetricsReport: Codable, Sendable {
    public var asOf: String
    public var team: Metrics
    public var byCsm: [Metrics]
    public var bySegment: [Metrics]
    public var byPlaybook: [Metrics]
    /// The team's KPIs for the onboardings signed this period against the period before.
    public var periods: PeriodComparison
}
