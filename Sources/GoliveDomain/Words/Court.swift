/// Whose court the ball is in.
public enum Court: String, CaseIterable, Codable, Sendable {
    case ours
    case customer
    case approver

    public var title: String {
        switch self {
        case .ours: "ours"
        case .customer: "the customer's"
        case .approver: "an approver's"
        }
    }

    /// "ball in our court", "ball in the customer's court", "ball in an approver's court".
    public var phrase: String {
        switch self {
        case .ours: "ball in our court"
        case .customer: "ball in the customer's court"
        case .approver: "ball in an approver's court"
        }
    }
}
