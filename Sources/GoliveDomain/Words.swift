/// The vocabulary of PRODUCT.md ("Words"), as closed sets so that every switch over them
/// is exhaustive and the store's CHECK constraints can list the same raw values.

public enum Segment: String, CaseIterable, Codable, Sendable {
    case enterprise
    case midMarket = "mid-market"
    case smb

    public var title: String {
        switch self {
        case .enterprise: "Enterprise"
        case .midMarket: "Mid-market"
        case .smb: "SMB"
        }
    }

    /// Lenient reading for CRM exports ("Mid Market", "SMB", "ENT").
    public init?(loose text: String) {
        let t = text.lowercased().filter { $0.isLetter }
        switch t {
        case "enterprise", "ent", "strategic": self = .enterprise
        case "midmarket", "mm", "mid", "commercial": self = .midMarket
        case "smb", "small", "smallbusiness", "startup": self = .smb
        default: return nil
        }
    }
}

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

/// A checkpoint's state as of a day (computed, never typed in).
public enum CheckpointState: String, CaseIterable, Codable, Sendable, Comparable {
    case achieved
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"

    public var title: String {
        switch self {
        case .achieved: "achieved"
        case .onTrack: "on track"
        case .atRisk: "at risk"
        case .offTrack: "off track"
        }
    }

    public var rag: RAG {
        switch self {
        case .achieved, .onTrack: .green
        case .atRisk: .amber
        case .offTrack: .red
        }
    }

    private var order: Int {
        switch self {
        case .achieved: 0
        case .onTrack: 1
        case .atRisk: 2
        case .offTrack: 3
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}

/// Red / amber / green, ordered so that `max` is "the worst".
public enum RAG: String, CaseIterable, Codable, Sendable, Comparable {
    case green, amber, red

    public var letter: String { String(rawValue.prefix(1)).uppercased() }
    private var order: Int {
        switch self {
        case .green: 0
        case .amber: 1
        case .red: 2
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}

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

/// Checkpoints that metrics look for.
public enum Milestone: String, CaseIterable, Codable, Sendable {
    case firstValue = "first_value"
    case goLive = "go_live"
}
