import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// A question that opens with an answer in it behaves like a selected field: typing replaces
/// the answer, and the arrows, Home, End, Backspace and Delete edit it where the cursor is.
@Suite(.serialized)
struct PromptFieldTests {
    func opened() throws -> (TempDir, Store, Session) { try openedZurich(width: 120, height: 24) }

    /// The question line as drawn.
    func line(_ s: Session) -> String { Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? "" }

    @Test func theFirstTypedCharacterReplacesAPrefilledDate() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("d"))
        #expect(s.state.prompt?.selected == true)
        s.type("fri")
        #expect(s.state.prompt?.text == "fri")
        #expect(s.state.prompt?.selected == false)
    }

    @Test(arguments: [("e", "Welcome kit"), ("o", "Kenji")])
    func theFirstTypedCharacterReplacesAPrefilledTitleOrOwner(_ key: Character, _ typed: String) throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char(key))
        #expect(s.state.prompt?.text.isEmpty == false)
        s.type(typed)
        #expect(s.state.prompt?.text == typed)
    }

    @Test func leftAndRightDeselectAndMoveTheCursorWhereTypingGoes() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"), .left)
        #expect(s.state.prompt?.selected == false && s.state.prompt?.cursor == 0)
        s.type("Re-")
        #expect(s.state.prompt?.text == "Re-Send welcome pack")
        s.press(.right, .right)
        s.type("_")
        #expect(s.state.prompt?.text == "Re-Se_nd welcome pack")
        s.press(.char("e"))
        #expect(s.state.prompt?.text == "Re-Se_end welcome pack")
        s.press(.escape, .char("e"), .right)
        #expect(s.state.prompt?.selected == false && s.state.prompt?.cursor == 17)
        s.type("s")
        #expect(s.state.prompt?.text == "Send welcome packs")
    }

    @Test(arguments: [(Key.home, Key.end), (Key.ctrl("a"), Key.ctrl("e"))])
    func homeAndEndGoToTheLinesStartAndEnd(_ home: Key, _ end: Key) throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"), home)
        #expect(s.state.prompt?.cursor == 0 && s.state.prompt?.selected == false)
        s.type(">")
        s.press(end)
        s.type("<")
        #expect(s.state.prompt?.text == ">Send welcome pack<")
    }

    @Test func backspaceAndDeleteTakeTheCharacterBeforeAndAtTheCursor() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"), .end, .backspace)
        #expect(s.state.prompt?.text == "Send welcome pac")
        s.press(.home, .delete)
        #expect(s.state.prompt?.text == "end welcome pac")
        s.press(.backspace)
        #expect(s.state.prompt?.text == "end welcome pac")
        s.press(.end, .delete)
        #expect(s.state.prompt?.text == "end welcome pac")
    }

    @Test(arguments: [Key.backspace, Key.delete, Key.ctrl("u")])
    func backspaceDeleteOrCtrlUOnASelectedAnswerClearIt(_ key: Key) throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"), key)
        #expect(s.state.prompt?.text == "")
        s.type("Kit")
        #expect(s.state.prompt?.text == "Kit")
    }

    @Test func ctrlUClearsAnAnswerBeingEdited() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"), .left)
        s.type("x")
        s.press(.ctrl("u"))
        #expect(s.state.prompt?.text == "" && s.state.prompt?.cursor == 0)
    }

    @Test func tabCompletesWhatWasTypedOverAPrefilledName() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("o"))
        s.type("mi")
        s.press(.tab)
        #expect(s.state.prompt?.text == "Mia Vogel")
        s.type("!")
        #expect(s.state.prompt?.text == "Mia Vogel!")
    }

    @Test func plusOverThePrefilledDateCountsDaysFromItAndPlusAgainAddsOne() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        let old = try #require(s.selectedTask?.due)
        s.press(.char("d"), .char("+"))
        #expect(s.state.prompt?.text == "+")
        s.press(.char("+"), .char("+"))
        #expect(s.state.prompt?.text == "+3")
        s.press(.char("-"))
        #expect(s.state.prompt?.text == "+2")
        let meant = old + 2
        #expect(line(s).contains("+2▏ = \(meant.iso) \(meant.weekdayName), 2 days after \(Renderer.short(old))"))
        s.press(.enter)
        if s.state.prompt != nil {
            s.type("n")
            s.press(.enter)
        }
        let t = try #require(try store.account(s.account.id)?.tasks.first { $0.title == "Send welcome pack" })
        #expect(t.due == meant)
    }

    @Test func plusOnADateTypedWholeMovesItADay() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("d"))
        s.type("2026-12-20")
        s.press(.char("+"), .char("+"))
        #expect(s.state.prompt?.text == "2026-12-22")
        s.press(.char("-"))
        #expect(s.state.prompt?.text == "2026-12-21")
    }

    @Test func theCursorIsDrawnWhereTypingGoes() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"))
        #expect(line(s).contains("Send welcome pack▏"))
        s.press(.home, .right, .right, .right, .right)
        #expect(line(s).contains("Send▏ welcome pack"))
    }
}
