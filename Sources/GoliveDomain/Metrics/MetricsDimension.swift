/// How metrics can be grouped.
public enum MetricsDimension: String, CaseIterable, Sendable {
    case team, csm, segment, playbook

    public func key(_ a: MetricFacts) -> String {
        switch self {
        case .team: "team"
        case .csm: a.csm
        case .segment: a.segment.rawValue
        case .playbook: a.playbook
        }
    }
}
