import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

struct FilterNarrowingTests {
    /// Typing narrows the listed rows without re-sorting; the result must be exactly what a
    /// full rebuild gives, for every prefix of several filters, in every sort order.
    @Test(arguments: BoardSort.allCases)
    func narrowingEqualsAFullRebuild(_ order: BoardSort) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 80))
        for _ in 0..<order.rawValue { s.press(.char("s")) }
        for word in ["ana souza", "re", "zürich", "東京", "xyz"] {
            s.press(.char("/"))
            for c in word {
                s.type(String(c))
                var fresh = s.state
                fresh.sort = order  // a didSet: rebuilds from every row
                #expect(s.state.visible == fresh.visible, "\(order) '\(word)'")
                #expect(s.state.counts == fresh.counts)
            }
            s.press(.escape)
        }
    }
}
