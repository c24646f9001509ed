import Foundation
import GoliveDomain
import GoliveStore

extension Digest {
    /// The digest of `csm`'s accounts (every account's when nil, a lead's) on `today`, the
    /// colours compared with those before `since`. Reads the active accounts' rule views,
    /// the changes since that day and the reviews' follow-ups.
    public static func read(from store: Store, today: Day, csm: String?, since: Day) throws -> Digest {
        let facts = try store.facts().filter { f in f.isActive && (csm.map { Reports.isOf(csm: $0, f.csm) } ?? true) }
        let ids = facts.map(\.id)
        // Only an account amber or red now can have turned so: the others' changes are not read.
        let notGreen = facts.filter { $0.rag(strip: $0.strip(asOf: today), asOf: today) != .green }.map(\.id)
        let accounts = ids.isEmpty ? [] : try store.ruleViews(ids: ids)
        let start = ChangesSince.day(since)
        let changes =
            notGreen.isEmpty
            ? [] : try store.changes(since: start.at, then: start.then, today: today, accounts: notGreen)
        var followUps: [Int64: FollowUp] = [:]
        for (id, review) in try store.reviews(for: "") {
            guard let day = review.followUp.flatMap(Day.init(iso:)) else { continue }
            followUps[id] = FollowUp(step: review.nextStep, day: day)
        }
        return Digest(today: today, accounts: accounts, changes: changes, followUps: followUps)
    }
}
