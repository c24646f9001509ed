import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// A screen's header keeps what is never dropped (a date, a count) whole at the narrowest
/// screen: the title gives way to it first.
struct ScreenHeaderTests {
    @Test func theTimelineHeaderKeepsTheGoLiveForecastWholeAt60Columns() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: 60, height: 20)
        let r = Renderer(glyphs: Glyphs(unicode: true))
        var checked = 0
        for _ in 0..<8 {
            s.press(.enter, .char("L"))
            let head = try #require(r.render(s.state).lines.first)
            let whole =
                head.range(
                    of: #"go-live forecast \d{4}-\d{2}-\d{2}, (\d+ days? late|on time)"#, options: .regularExpression)
                != nil || head.range(of: #"live since \d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil
            #expect(whole, "\(head)")
            #expect(head.hasPrefix(" Timeline — "), "\(head)")
            checked += 1
            s.press(.escape, .escape, .char("j"))
        }
        #expect(checked == 8)
    }
}

/// At the narrowest screen the touchpoints' objectives go under the columns, never cut.
extension ScreenHeaderTests {
    @Test func touchpointObjectivesAreWholeAt60Columns() throws {
        let (_, s, r) = try GoldenScreenTests().board(60, 20)
        s.open("Acme")
        s.press(.char("t"))
        let a = try #require(s.state.accounts[s.state.focus?.accountID ?? -1])
        let screen = r.render(s.state)
        try GoldenScreenTests().check("touchpoints-60x20", screen)
        let text = screen.lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let shown = a.touchpoints.prefix(4)
        #expect(!shown.isEmpty)
        for tp in shown {
            #expect(text.contains(tp.objective), "\(tp.objective) is cut:\n\(screen.lines.joined(separator: "\n"))")
        }
    }
}
