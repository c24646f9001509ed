import Foundation
import GoliveDomain
import GoliveStore

/// Every account's metric facts, kept between visits to the metrics screen and brought up
/// to date from the accounts the events say changed since: only the first visit reads all
/// 10,000, and a refresh after another user's save reads the few they touched. Used from
/// the read thread and the key loop alike, hence the lock.
final class MetricFactsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var facts: [MetricFacts] = []
    private var position: [Int64: Int] = [:]
    /// The newest event already in `facts` (nil: nothing read yet).
    private var seen: Int64?
    /// How many accounts the last call read (tests check a refresh reads only the changed).
    private(set) var lastRead = 0

    /// The facts as the store holds them now.
    func current(in store: Store) throws -> [MetricFacts] {
        try lock.withLock {
            if let seen, let fresh = try changed(since: seen, in: store) { return fresh }
            // The event id first: a change committed while the facts are read is read
            // again next time, never missed.
            let last = try store.lastEventID()
            facts = try store.metricFacts()
            position = Dictionary(facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            seen = last
            lastRead = facts.count
            return facts
        }
    }

    /// The kept facts with the changed accounts read again; nil when reading everything is
    /// the safer way: many changed, or accounts came or went.
    private func changed(since seen: Int64, in store: Store) throws -> [MetricFacts]? {
        let (ids, last) = try store.accountsChanged(after: seen)
        let unique = Set(ids)
        guard unique.count <= 500, unique.allSatisfy({ position[$0] != nil }) else { return nil }
        let fresh = try store.metricFacts(ids: Array(unique))
        guard fresh.count == unique.count, try store.accountCount() == facts.count else { return nil }
        for f in fresh { if let i = position[f.id] { facts[i] = f } }
        self.seen = last
        lastRead = fresh.count
        return facts
    }
}
