import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// A status message longer than its line takes two, and `@` shows the recent messages whole.
@Suite(.serialized)
struct MessageLogTests {
    func screen(_ s: Session) -> [String] { Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines }

    @Test func aMessageLongerThanTheLineTakesTwoLinesAndIsNotCut() throws {
        let (_, _, s) = try openedZurich(width: 60, height: 20)
        s.select("Record goals, requirements and promises")
        s.press(.char("x"))
        let message = try #require(s.state.status?.text)
        #expect(Text.width(message) > 59 && Text.width(message) <= 2 * 59)
        let lines = screen(s)
        let shown =
            lines[lines.count - 2].trimmingCharacters(in: .whitespaces) + " "
            + lines[lines.count - 1].trimmingCharacters(in: .whitespaces)
        #expect(shown == message, "\(lines.suffix(2))")
    }

    @Test func aMessageLongerThanTwoLinesNamesTheKeyThatShowsItWhole() throws {
        let (_, _, s) = try openedZurich(width: 60, height: 20)
        s.press(.char("n"))
        let note = String(repeating: "the customer asked for more time to review the contract ", count: 3) + "finally"
        s.type(note)
        s.press(.enter)
        let lines = screen(s)
        #expect(lines.last?.hasSuffix("… (@ shows it whole)") == true, "\(lines.suffix(2))")
        #expect(!lines.joined().contains("finally"))
        s.press(.char("@"))
        #expect(s.state.messagesOpen)
        let log = screen(s).joined(separator: "\n")
        #expect(log.contains("messages, newest first"))
        #expect(log.contains("finally"), "\(log)")
        #expect(log.contains("Zürich Re 東京 · saved: note: the customer asked"))
        s.press(.escape)
        #expect(!s.state.messagesOpen && s.state.screen == .account(s.account.id))
    }

    @Test func theMessagesAreListedNewestFirstAndTheKeyAgainClosesThem() throws {
        let (_, _, s) = try openedZurich(width: 100, height: 30)
        s.select("Send welcome pack")
        s.press(.char("x"))
        s.press(.char("x"))
        s.press(.char("@"))
        let log = screen(s).joined(separator: "\n")
        let done = try #require(log.range(of: "'Send welcome pack' open → done"))
        let reopened = try #require(log.range(of: "'Send welcome pack' done → open"))
        #expect(reopened.lowerBound < done.lowerBound)
        // Keys while it is open scroll it and change nothing.
        s.press(.char("x"), .char("j"))
        #expect(s.state.messagesOpen && s.state.status == nil)
        s.press(.char("@"))
        #expect(!s.state.messagesOpen)
    }

    @Test func theMessagesKeyCanBeReboundAndTheStatusLineNamesTheKeyBound() throws {
        let dir = TempDir()
        let path = dir.file("keys.yaml")
        try Data("messages: Y\n".utf8).write(to: URL(fileURLWithPath: path))
        let store = try makeStore(dir)
        var state = AppState(
            try Session.snapshot(store, user: "lee"), today: today, user: "lee", readOnly: false, width: 60, height: 20)
        state.keys = try KeyTable.load(path: path)
        let s = Session(store: store, state: state)
        s.open("Zürich")
        s.press(.char("n"))
        s.type(String(repeating: "the customer asked for more time to review the contract ", count: 3))
        s.press(.enter)
        #expect(screen(s).last?.hasSuffix("… (Y shows it whole)") == true, "\(screen(s).suffix(2))")
        s.press(.char("Y"))
        #expect(s.state.messagesOpen)
    }

    @Test func aLineThatSaysSomethingSlowIsUnderWayIsNotKept() throws {
        let (_, _, s) = try openedZurich(width: 100, height: 30)
        s.send(.working("reading the agenda…"))
        s.send(.working("reading the agenda…"))
        #expect(!s.state.messages.contains { $0.text.hasSuffix("…") })
    }
}
