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
