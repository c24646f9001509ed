import GoliveDomain

/// A playbook as the store keeps it: its name, title and rule thresholds.
public struct StoredPlaybook: Hashable, Codable, Sendable {
    public var name: String
    public var title: String
    public var thresholds: Thresholds
    public init(name: String, title: String, thresholds: Thresholds) {
        self.name = name
        self.title = title
        self.thresholds = thresholds
    }
}
