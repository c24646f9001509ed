import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Every key of the board and account screens, through the update function and a real
/// store: what the screen shows, what the store holds, and each refusal's words.
@Suite(.serialized)
struct BoardKeyTests {
    @Test func movingNeverLeavesTheList() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), height: 20)
        #expect(s.state.selectedIndex == 0)
        s.press(.char("k"))
        #expect(s.state.selectedIndex == 0)
        s.press(.char("G"))
        #expect(s.state.selectedIndex == 31)
        s.press(.char("j"), .down)
        #expect(s.state.selectedIndex == 31)
        s.press(.char("g"), .pageDown)
        #expect(s.state.selectedIndex == s.state.boardListHeight)
        #expect(s.state.boardTop > 0 && s.state.boardTop <= s.state.selectedIndex!)
        s.press(.pageUp, .up)
        #expect(s.state.selectedIndex == 0 && s.state.boardTop == 0)
    }

    /// Regression: found by the 100,000-key random run — a filter that kept the selected
    /// account but shrank the list left the window scrolled past its end (a blank board).
    @Test func aFilterThatKeepsTheSelectionScrollsTheWindowBackOverTheList() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), height: 20)
        s.press(.char("G"))
        let last = s.state.rows[s.state.selectedAccount!]!.name
        #expect(s.state.boardTop > 0)
        s.press(.char("/"))
        s.type(last)
        s.press(.enter)
        #expect(s.state.visible.contains(s.state.selectedAccount!) && s.state.boardTop == 0)
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines
        #expect(screen[2].contains(Text.truncate(last, to: 10).dropLast()))
    }

    @Test func theDefaultSortIsWorstFirstAndSCyclesTheOrders() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        let rags = s.state.visible.compactMap { s.state.rows[$0] }.filter { !$0.completed }.map(\.rag)
        #expect(rags == rags.sorted(by: >))
        var seen: [BoardSort] = []
        for _ in 0..<6 {
            s.press(.char("s"))
            seen.append(s.state.sort)
        }
        #expect(seen == [.goLive, .slip, .daysInStage, .arr, .name, .worstFirst])
        s.press(.char("s"), .char("s"), .char("s"), .char("s"))
        let arrs = s.state.visible.compactMap { s.state.rows[$0]?.arr }
        #expect(arrs == arrs.sorted(by: >) && s.state.status?.text == "sorted by ARR")
    }

    @Test func slashFiltersAsYouTypeEscClearsEnterKeeps() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        s.press(.char("/"))
        s.type("zürich")
        #expect(
            s.state.visible.allSatisfy { s.state.rows[$0]!.name.lowercased().contains("zürich") }
                && !s.state.visible.isEmpty)
        s.press(.escape)
        #expect(s.state.filter.isEmpty && s.state.visible.count == 32 && s.state.prompt == nil)
        s.press(.char("/"))
        s.type("ana souza")
        s.press(.enter)
        #expect(s.state.filter == "ana souza" && s.state.visible.allSatisfy { s.state.rows[$0]!.csm == "Ana Souza" })
        #expect(!s.state.quitting)  // Esc and Enter in a prompt never quit
    }

    @Test func mShowsOnlyTheUsersAccounts() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 10))
        s.press(.char("m"))
        #expect(s.state.visible.map { s.state.rows[$0]!.name } == ["Zürich Re 東京"])
        s.press(.char("m"))
        #expect(s.state.visible.count == 12)
    }

    @Test func qQuitsFromTheBoardAndEscNeverDoes() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.press(.escape)
        #expect(!s.state.quitting)
        s.press(.char("q"))
        #expect(s.state.quitting)
        let t = try session(try Store(path: dir.file("s.sqlite"), mode: .readWrite))
        t.press(.ctrl("c"))
        #expect(t.state.quitting)
    }

    @Test func rReloadsWhatAnotherProcessSaved() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let id = s.state.visible.first { s.state.rows[$0]!.name == "Acme 🚀 Labs" }!
        try other.perform(.escalate(reason: "sponsor left"), on: id, who: "dana", today: today)
        #expect(s.state.rows[id]!.rag != .red || s.state.accounts[id]!.escalation == nil)
        s.press(.char("r"))
        #expect(s.state.accounts[id]!.escalation?.reason == "sponsor left" && s.state.rows[id]!.rag == .red)
        #expect(s.state.status?.text == "reloaded 2 accounts")
    }

    @Test func enterOpensTheSelectedAccountAndQGoesBack() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.open("Acme")
        #expect(s.account.name == "Acme 🚀 Labs" && s.state.focus?.lane == .internal)
        s.press(.char("q"))
        #expect(s.state.screen == .board && !s.state.quitting)
    }

    @Test func aTooSmallTerminalStillQuits() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.send(.resize(width: 50, height: 10))
        #expect(s.state.tooSmall)
        s.press(.char("j"), .enter)
        #expect(s.state.screen == .board)
        s.press(.char("q"))
        #expect(s.state.quitting)
    }
}
