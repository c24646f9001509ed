public enum TaskStatus: String, CaseIterable, Codable, Sendable {
    // internal and customer lanes
    case open
    case inProgress = "in_progress"
    case waiting
    case blocked
    case done
    case skipped
    // approval lane
    case pending
    case approved
    case rejected

    public var title: String {
        switch self {
        case .inProgress: "in progress"
        default: rawValue
        }
    }

    /// Finished work: counts towards a checkpoint's exit criteria and frees dependants.
    public var isFinished: Bool { self == .done || self == .skipped || self == .approved }

    /// Statuses that need a reason recorded with them.
    public var needsReason: Bool { self == .blocked || self == .skipped || self == .rejected }

    public static func allowed(in lane: Lane) -> [TaskStatus] {
        switch lane {
        case .internal, .customer: [.open, .inProgress, .waiting, .blocked, .done, .skipped]
        case .approval: [.pending, .approved, .rejected]
        }
    }

    public func isAllowed(in lane: Lane) -> Bool { TaskStatus.allowed(in: lane).contains(self) }

    /// The status a new task starts in.
    public static func initial(in lane: Lane) -> TaskStatus { lane == .approval ? .pending : .open }
}
