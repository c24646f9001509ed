import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// What users of lazygit and k9s expect of Esc and of a narrow screen.
@Suite(.serialized)
struct EscapeAndLayoutTests {
    @Test func escClearsAnAppliedFilterAndMineOnTheBoardAndNeverQuits() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 20))
        let all = s.state.visible.count
        s.press(.char("/"))
        s.type("acme")
        s.press(.enter)
        s.press(.char("m"))
        #expect(s.state.visible.count < all)
        s.press(.escape)
        #expect(s.state.filter.isEmpty && !s.state.mine && s.state.visible.count == all)
        s.press(.escape, .escape)
        #expect(!s.state.quitting && s.state.screen == .board)
    }

    @Test func escGoesBackFromEveryOtherScreen() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 20))
        for key in ["2", "3", "4"] {
            s.press(.char(Character(key)))
            #expect(s.state.screen != .board)
            s.press(.escape)
            #expect(s.state.screen == .board, "Esc on screen \(key)")
        }
        s.press(.enter)
        #expect(s.state.currentAccount != nil)
        s.press(.char("H"))
        #expect(s.state.screen.scope == .history)
        s.press(.escape)
        #expect(s.state.currentAccount != nil)
        s.press(.escape)
        #expect(s.state.screen == .board && !s.state.quitting)
    }

    @Test(arguments: [(80, 24), (100, 24)])
    func aNarrowBoardKeepsItsFilterSortAndMineAndTheKeyBarKeepsHelpAndQuit(_ w: Int, _ h: Int) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 20), width: w, height: h)
        s.press(.char("/"))
        s.type("a")
        s.press(.enter)
        s.press(.char("m"), .char("s"))
        let lines = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines
        let header = lines.first ?? ""
        #expect(header.contains("sort: go-live") && header.contains("filter: a") && header.contains("mine: lee"))
        s.press(.char("j"))  // the status line gives the bar back
        let bar = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? ""
        #expect(bar.contains("? help") && bar.contains("q quit"), "\(bar)")
        s.press(.escape, .enter)
        #expect(s.state.currentAccount != nil)
        let accountBar = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? ""
        #expect(accountBar.contains("? help") && accountBar.contains("q back"), "\(accountBar)")
    }
}
