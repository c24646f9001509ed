import GRDB

extension Store {
    /// Each account's last review event, as `r(account_id, m)`: what the review marks and the
    /// agenda's follow-ups read, from the partial index on reviews.
    static let lastReviews = """
        (SELECT account_id, max(id) AS m FROM events
         WHERE kind = 'account.reviewed' AND account_id IS NOT NULL GROUP BY account_id) r
        """

    /// Review marks per account for `user`, from the events. Reviews come from their own
    /// small index; changes by others are looked for only after this user's last review of
    /// each account (all a mark needs), so 500,000 events are not scanned at every start.
    public func reviews(for user: String) throws -> [Int64: ReviewInfo] {
        try read {
            try Store.reviews($0, for: user)
        } team: {
            try Store.reviews($0, for: user)
        }
    }

    private static func reviews(_ db: some RowSource, for user: String) throws -> [Int64: ReviewInfo] {
        var out: [Int64: ReviewInfo] = [:]
        try db.each(
            """
            SELECT e.account_id, e.who, e.at, e.detail, e.after FROM events e
            JOIN \(Store.lastReviews) ON e.id = r.m
            """, []
        ) { r in
            out[r[0], default: ReviewInfo()].lastReviewBy = r[1]
            out[r[0], default: ReviewInfo()].lastReviewAt = r[2]
            out[r[0], default: ReviewInfo()].nextStep = r[3]
            out[r[0], default: ReviewInfo()].followUp = r[4]
        }
        try db.each(
            """
            SELECT m.account_id, m.last,
                   (SELECT max(e.id) FROM events e WHERE e.account_id = m.account_id AND e.id > m.last
                      AND e.who <> ? AND e.kind <> 'account.reviewed')
            FROM (SELECT account_id, max(id) AS last FROM events
                  WHERE kind = 'account.reviewed' AND account_id IS NOT NULL AND who = ? GROUP BY account_id) m
            """, [user, user]
        ) { r in
            out[r[0], default: ReviewInfo()].myLastReview = r[1]
            out[r[0], default: ReviewInfo()].lastChangeByOthers = r[2]
        }
        return out
    }
}
