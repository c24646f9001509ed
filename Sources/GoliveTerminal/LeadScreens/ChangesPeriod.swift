/// How far back the changes screen looks.
public enum ChangesPeriod: Equatable, Sendable {
    /// Since the user last marked an account reviewed (the last 7 days if never).
    case lastReview
    case days(Int)

    /// `p`: last review → 7 days → 30 days → last review.
    var next: ChangesPeriod {
        switch self {
        case .lastReview: .days(7)
        case .days(7): .days(30)
        default: .lastReview
        }
    }
}
