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
