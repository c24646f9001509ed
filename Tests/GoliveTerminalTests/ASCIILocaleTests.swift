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
        #expect(Canvas.ascii("…") == "~" && Canvas.ascii("ö") == "o" && Canvas.ascii("Ł") == "l")
    }
}
