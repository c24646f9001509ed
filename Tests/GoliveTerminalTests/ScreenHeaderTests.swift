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
