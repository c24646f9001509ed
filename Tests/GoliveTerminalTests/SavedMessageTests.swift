import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Every saved, undone and redone message names the account it changed (and the task or
/// checkpoint, where it is one), wherever the key was pressed.
@Suite(.serialized)
struct SavedMessageTests {
    @Test func aChangeOnAnAccountScreenNamesTheAccountAndTheTask() throws {
        let (_, _, s) = try openedZurich(height: 24)
        s.select("Send welcome pack")
        s.press(.char("x"))
        #expect(s.state.status?.text == "Zürich Re 東京 · saved: 'Send welcome pack' open → done")
        s.press(.char("]"))
        let c = try #require(s.state.selectedCheckpoint(in: s.account))
        s.press(.char("M"))
        s.type("+1")
        s.press(.enter)
        s.type("customer asked")
        s.press(.enter)
        let text = s.state.status?.text ?? ""
        #expect(text.hasPrefix("Zürich Re 東京 · saved: \(c.name) moved "), "\(text)")
    }

    @Test func undoAndRedoOnTheBoardNameTheAccountTheyChange() throws {
        let (_, _, s) = try openedZurich(height: 24)
        s.select("Send welcome pack")
        s.press(.char("x"), .char("q"))
        #expect(s.state.screen == .board)
        s.press(.char("u"))
        #expect(s.state.status?.text == "Zürich Re 東京 · undone: 'Send welcome pack' open → done")
        s.press(.ctrl("r"))
        #expect(s.state.status?.text == "Zürich Re 東京 · redone: 'Send welcome pack' open → done")
    }

    @Test func markingReviewedOnTheStalledReviewNamesTheAccount() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: 120, height: 30)
        s.press(.char("2"))
        let id = try #require(s.state.stalledSelected)
        let name = try #require(s.state.rows[id]?.name)
        s.press(.char("v"))
        #expect(s.state.status?.text == "\(name) · saved: marked reviewed")
    }
}
