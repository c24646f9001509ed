/// Who reviewed an account last, and whether others changed it since *this* user's last
/// review (the board marks those).
public struct ReviewInfo: Hashable, Sendable {
    public var lastReviewBy: String?
    public var lastReviewAt: String?
    public var myLastReview: Int64?
    public var lastChangeByOthers: Int64?
    /// The next step and the day to follow up, when the last review set them.
    public var nextStep: String?
    public var followUp: String?

    public init(
        lastReviewBy: String? = nil, lastReviewAt: String? = nil, myLastReview: Int64? = nil,
        lastChangeByOthers: Int64? = nil
    ) {
        self.lastReviewBy = lastReviewBy
        self.lastReviewAt = lastReviewAt
        self.myLastReview = myLastReview
        self.lastChangeByOthers = lastChangeByOthers
    }

    /// Changed by someone else since this user last marked it reviewed.
    public var changedSinceMyReview: Bool {
        guard let mine = myLastReview, let other = lastChangeByOthers else { return false }
        return other > mine
    }
}
