/// One checkpoint as the milestones-on-time KPI needs it: which milestone, when it was due
/// and when it was achieved (nil: not yet — late once today is past its due date).
public struct CheckpointOutcome: Hashable, Sendable {
    public var key: String
    public var name: String
    public var due: Day
    public var achievedOn: Day?

    public init(key: String, name: String, due: Day, achievedOn: Day?) {
        self.key = key
        self.name = name
        self.due = due
        self.achievedOn = achievedOn
    }
}
