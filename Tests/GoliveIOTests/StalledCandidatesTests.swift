import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// The stalled report reads only the rows SQLite's test lets through; these prove the test
/// never leaves out an account the rule finds stalled, on any day and whatever thresholds
/// the playbooks set.
struct StalledCandidatesTests {
    static func store(_ dir: TempDir, on kind: StoreKind) throws -> Store {
        try seededStore(in: dir, accounts: 300, seed: 11, csms: 4, on: kind)
    }

    /// The days from before most contracts were signed to months after the seed's day,
    /// every other day so that each threshold's edge falls on one of them.
    static let days = stride(from: 0, to: 300, by: 2).map { day("2026-06-01") + $0 }

    static func stalledByRule(_ store: Store, _ today: Day) throws -> [Int64] {
        try store.facts().filter { $0.stall(asOf: today) != nil }.map(\.id)
    }

    @Test(arguments: StoreKind.allCases) func theCandidatesHoldEveryAccountTheRuleFindsStalledOnEveryDay(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let store = try Self.store(dir, on: kind)
        var seen = Set<Int>()
        for today in Self.days {
            let expected = try Self.stalledByRule(store, today)
            #expect(try store.stalledFacts(asOf: today).map(\.id) == expected, "\(today.iso)")
            seen.insert(expected.count)
        }
        // The days cover nothing stalled, some and most.
        #expect(seen.contains(0))
        #expect(seen.count > 10)
    }

    @Test(
        arguments: StoreKind.allCases,
        [
            (noActivity: 0, customer: 0, approval: 0),
            (noActivity: 1, customer: 30, approval: 2),
            (noActivity: 60, customer: 0, approval: 90),
            (noActivity: 400, customer: 400, approval: 0),
        ])
    func playbooksWithOtherThresholdsStillLeaveNoStalledAccountOut(
        on kind: StoreKind, thresholds: (noActivity: Int, customer: Int, approval: Int)
    ) throws {
        let (noActivity, customer, approval) = thresholds
        let dir = TempDir()
        let store = try Self.store(dir, on: kind)
        // One playbook tighter or looser than the rest: the test must use the smallest.
        let first = try #require(try store.playbooks().first)
        var changed = first
        changed.thresholds.noActivityDays = noActivity
        changed.thresholds.customerOverdueDays = customer
        changed.thresholds.approvalPendingDays = approval
        try store.write { tx in try tx.upsert(changed) }
        for today in Self.days {
            #expect(try store.stalledFacts(asOf: today).map(\.id) == Self.stalledByRule(store, today), "\(today.iso)")
        }
    }
}
