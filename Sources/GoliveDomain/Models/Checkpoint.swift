public struct Checkpoint: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var key: String
    public var name: String
    /// The stage this checkpoint closes (its exit criteria gate that stage).
    public var stage: String
    public var due: Day
    public var customerConfirms: Bool
    public var milestone: Milestone?
    public var achievedOn: Day?
    /// The customer contact who confirmed, where confirmation is required.
    public var confirmedBy: String?
    /// The first plan's due date and the moves since (nil: never moved).
    public var replan: Replan?
    public var version: Int = 1

    public init(
        id: Int64, key: String, name: String, stage: String, due: Day, customerConfirms: Bool = false,
        milestone: Milestone? = nil, achievedOn: Day? = nil, confirmedBy: String? = nil, replan: Replan? = nil
    ) {
        self.id = id
        self.key = key
        self.name = name
        self.stage = stage
        self.due = due
        self.customerConfirms = customerConfirms
        self.milestone = milestone
        self.achievedOn = achievedOn
        self.confirmedBy = confirmedBy
        self.replan = replan
    }

    public var isAchieved: Bool { achievedOn != nil }
}
