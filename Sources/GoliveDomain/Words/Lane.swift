/// Every task is in exactly one lane.
public enum Lane: String, CaseIterable, Codable, Sendable {
    case `internal`
    case customer
    case approval

    public var title: String {
        switch self {
        case .internal: "Internal"
        case .customer: "Customer"
        case .approval: "Approvals"
        }
    }

    /// Whose court a task in this lane is in while it is open.
    public var court: Court {
        switch self {
        case .internal: .ours
        case .customer: .customer
        case .approval: .approver
        }
    }
}
