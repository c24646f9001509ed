import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The board's filter: words (accents and case ignored) and tokens, each checked against a
/// plain reading of every row.
@Suite(.serialized)
struct BoardFilterTests {
    func seeded() throws -> (TempDir, Session) {
        let dir = TempDir()
        return (dir, try session(try makeStore(dir, seeded: 80)))
    }

    /// Each filter and what a row must be to be listed, written the slow, obvious way.
    static let cases: [(String, @Sendable (BoardRow) -> Bool)] = [
        ("red", { !$0.completed && $0.rag == .red }),
        ("red amber", { !$0.completed && $0.rag != .green }),
        ("stalled", { $0.stall != nil }),
        ("escalated", { $0.escalated }),
        ("seg:smb", { $0.segment == .smb }),
        ("seg:mid", { $0.segment == .midMarket }),
        ("csm:ana", { $0.csm == "Ana Souza" }),
        ("csm:lind", { $0.csm == "Björn Lindqvist" }),
        ("stage:setup", { $0.stageName == "Setup" }),
        ("court:customer", { !$0.completed && ($0.stall?.ballInCourt ?? $0.court) == .customer }),
        ("court:ours", { !$0.completed && ($0.stall?.ballInCourt ?? $0.court) == .ours }),
        ("red seg:enterprise", { !$0.completed && $0.rag == .red && $0.segment == .enterprise }),
        ("bjork", { $0.name.hasPrefix("Björk") }),
        ("BJÖRK", { $0.name.hasPrefix("Björk") }),
        ("lodz", { $0.name.hasPrefix("Łódź") }),
        ("seg:xyz", { _ in false }),
    ]

    @Test(arguments: 0..<cases.count)
    func aFilterListsExactlyTheRowsThatMatchIt(_ index: Int) throws {
        let (filter, predicate) = Self.cases[index]
        let (_, s) = try seeded()
        let expected = Set(s.state.rows.values.filter(predicate).map(\.id))
        s.press(.char("/"))
        s.type(filter)
        s.press(.enter)
        #expect(Set(s.state.visible) == expected, "\(filter)")
        if filter != "seg:xyz" && filter != "escalated" { #expect(!expected.isEmpty, "\(filter) matched nothing") }
    }

    @Test func aFilterNamingNothingSaysSoOnTheBoard() throws {
        let (_, s) = try seeded()
        s.press(.char("/"))
        s.type("seg:xyz")
        s.press(.enter)
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(screen.contains("seg:xyz: no such segment (enterprise, mid-market, smb)"))
    }

    @Test func shiftSReversesTheSortAndTheColumnSaysWhichWay() throws {
        let (_, s) = try seeded()
        s.press(.char("s"))  // go-live
        let forward = s.state.visible
        s.press(.char("S"))
        // Everything turns round, but completed onboardings stay last.
        let done = Set(forward.filter { s.state.rows[$0]?.completed == true })
        #expect(!done.isEmpty)
        let open = forward.filter { !done.contains($0) }
        #expect(s.state.visible == open.reversed() + forward.filter(done.contains).reversed())
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines
        #expect(screen[1].contains("GO-LIVE▴") && screen[0].contains("sort: go-live (reversed)"))
    }
}
