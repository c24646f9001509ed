import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// A terminal whose locale is not UTF-8 gets ASCII in every cell of every screen.
@Suite(.serialized)
struct ASCIILocaleTests {
    @Test func everyScreenIsASCIIWhenTheLocaleIsNotUTF8() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), width: 100, height: 30)
        let r = Renderer(glyphs: Glyphs(unicode: false))
        var screens: [(String, String)] = []
        func look(_ name: String) { screens.append((name, r.render(s.state).text)) }
        look("board")
        s.press(.char("?"))
        look("help")
        s.press(.escape, .char("i"))
        look("why")
        s.press(.escape, .enter)
        look("account")
        s.press(.char("H"))
        look("history")
        s.press(.escape, .escape, .char("2"))
        look("stalled")
        s.press(.char("3"))
        look("agenda")
        s.press(.char("4"))
        look("metrics")
        for (name, text) in screens {
            let odd = Set(text.unicodeScalars.filter { $0.value >= 0x7F && $0 != "\n" })
            #expect(odd.isEmpty, "\(name) has \(odd.map { String($0) }.joined())")
        }
        #expect(Canvas.ascii("…") == "~" && Canvas.ascii("ö") == "o" && Canvas.ascii("ł") == "l")
    }

    @Test func theASCIIFallbackKeepsALettersCase() throws {
        #expect(Canvas.ascii("Ł") == "L" && Canvas.ascii("ł") == "l" && Canvas.ascii("Ø") == "O")
        #expect(Canvas.ascii("Ó") == "O" && Canvas.ascii("ź") == "z")
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), width: 100, height: 30)
        s.press(.char("/"))
        s.type("lodz")
        s.press(.enter)
        let screen = Renderer(glyphs: Glyphs(unicode: false)).render(s.state).text
        #expect(screen.contains("Lodz Systems"))
        #expect(!screen.contains("lodz Systems"))
    }

    @Test func amberAndEscalatedHaveTheirOwnASCIIMarks() throws {
        let ascii = Glyphs(unicode: false)
        let marks = [
            ascii.rag(.red), ascii.rag(.amber), ascii.rag(.green), ascii.rag(.achieved), ascii.escalated, ascii.hold,
        ]
        #expect(Set(marks).count == marks.count, "\(marks)")
        #expect(Canvas.ascii("▲") == ascii.rag(.amber) && Canvas.ascii("✖") == ascii.rag(.red))
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), width: 100, height: 30)
        let board = Renderer(glyphs: ascii).render(s.state).lines
        #expect(board.contains { $0.hasPrefix(" ^ A ") })
        let escalated = try #require(board.first { $0.hasPrefix(" x R") && $0.dropFirst(7).hasPrefix("!") })
        // The strip shows at-risk checkpoints as ^, never as the escalation mark.
        #expect(escalated.filter { $0 == "!" }.count == 1)
        let legend = Renderer(glyphs: ascii).legend.map(\.text)
        #expect(legend.contains("  ^             at risk (amber)") && legend.contains("  !             escalated"))
    }
}
