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
