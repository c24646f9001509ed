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

    /// Days from contract signed to first value golive expects by default (enterprise 30–60,
    /// mid-market 20–45, SMB 7–21; the seeds give only "first value within 7 days" as a
    /// benchmark); past the upper end, first value is late.
    public var firstValueTarget: ClosedRange<Int> {
        switch self {
        case .enterprise: 30...60
        case .midMarket: 20...45
        case .smb: 7...21
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
