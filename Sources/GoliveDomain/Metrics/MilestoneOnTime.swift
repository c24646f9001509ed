/// Milestones on time for one checkpoint of the playbooks (by key): seed 003 measures it per
/// milestone, since a team late on every kickoff and one late on every go-live need
/// different help.
public struct MilestoneOnTime: Hashable, Codable, Sendable {
    public var key: String
    public var name: String
    /// Achieved by the due date, of those achieved and those past due without it.
    public var onTime: Rate

    public init(key: String, name: String, onTime: Rate) {
        self.key = key
        self.name = name
        self.onTime = onTime
    }
}
