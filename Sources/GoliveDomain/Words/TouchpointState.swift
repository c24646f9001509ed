/// What became of a planned touchpoint. Nil on a touchpoint is "planned": nobody has said yet.
public enum TouchpointState: String, CaseIterable, Codable, Sendable {
    case held
    case missed
    /// Dated before golive recorded what became of touchpoints: nobody will say now, and
    /// nothing asks them to.
    case unrecorded

    public var title: String {
        switch self {
        case .held: "held"
        case .missed: "missed"
        case .unrecorded: "not recorded"
        }
    }
}
