import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// The portfolio read from a store is written in the order its accounts' kept facts give,
/// before their rows are worked out, and an account its facts show green is written from
/// them without its tasks; these prove that order and those rows are the ones the rules give
/// from every account's rule view, on any day and for any CSM.
struct PortfolioOrderTests {
    /// From before most contracts were signed to months after the seed's day, every third
    /// day, so that the amber windows and SLAs open and close on the days between.
    static let days = stride(from: 0, to: 300, by: 3).map { day("2026-06-01") + $0 }

    @Test(arguments: StoreKind.allCases) func theStoresPortfolioIsTheRulesPortfolioInTheRulesOrderOnEveryDay(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 300, seed: 5, csms: 4, on: kind)
        let views = try store.ruleViews()
        var reds = Set<Int>()
        var activeGreens = 0
        for today in Self.days {
            let expected = try Reports(accounts: views, everEscalated: [], today: today).portfolio()
            #expect(
                try Reports.read(.portfolio, from: store, today: today, csm: nil).portfolio() == expected,
                "\(today.iso)")
            reds.insert(expected.count { $0.rag == RAG.red.rawValue })
            activeGreens += expected.count { $0.rag == RAG.green.rawValue && !$0.completed }
        }
        // The days cover portfolios ordered in very different ways, and accounts still
        // onboarding whose rows come from their facts.
        #expect(reds.count > 10)
        #expect(activeGreens > 1000)
    }

    @Test(arguments: StoreKind.allCases) func oneCSMsPortfolioFromTheStoreIsTheirsInTheRulesOrder(on kind: StoreKind)
        throws
    {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 300, seed: 5, csms: 4, on: kind)
        let views = try store.ruleViews()
        let csm = try #require(views.first?.csm)
        for today in [day("2026-09-01"), day("2026-11-22")] {
            let expected = try Reports(accounts: views, everEscalated: [], today: today, csm: csm.uppercased())
                .portfolio()
            let read = try Reports.read(.portfolio, from: store, today: today, csm: csm.uppercased())
            #expect(try read.portfolio() == expected)
            #expect(try read.render(.portfolio, as: .json) == Reports.json(expected))
            #expect(Set(expected.map(\.csm)) == [csm])
            #expect(expected.count > 50)
        }
    }

    @Test(arguments: StoreKind.allCases) func aStoreWithNoAccountsWritesAnEmptyPortfolio(on kind: StoreKind) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 0, seed: 5, csms: 1, on: kind)
        let read = try Reports.read(.portfolio, from: store, today: day("2026-11-22"), csm: nil)
        #expect(try read.portfolio().isEmpty)
        #expect(try read.render(.portfolio, as: .json) == Reports.json([PortfolioRow]()))
    }
}
