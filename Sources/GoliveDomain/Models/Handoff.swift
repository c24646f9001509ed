/// What Sales hands over: the customer's goals, technical requirements, stakeholders and
/// the promises made during the deal.
public struct Handoff: Hashable, Codable, Sendable {
    public var goals: String = ""
    public var requirements: String = ""
    public var stakeholders: [Stakeholder] = []
    public var promises: String = ""
    public init(goals: String = "", requirements: String = "", stakeholders: [Stakeholder] = [], promises: String = "")
    {
        self.goals = goals
        self.requirements = requirements
        self.stakeholders = stakeholders
        self.promises = promises
    }
    public var isEmpty: Bool { goals.isEmpty && requirements.isEmpty && stakeholders.isEmpty && promises.isEmpty }
}
