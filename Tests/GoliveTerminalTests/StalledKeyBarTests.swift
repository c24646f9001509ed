import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The stalled review's key bar names every key the review takes: on two lines where one
/// cannot hold them, the help overlay has each in full.
struct StalledKeyBarTests {
    static let renderer = Renderer(glyphs: Glyphs(unicode: true))

    @Test(arguments: [80, 120, 200])
    func theStalledReviewsKeyBarNamesEveryKeyItTakes(_ width: Int) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 20), width: width, height: 24)
        s.press(.char("2"))
        let bar = StalledKeyBarTests.renderer.keyBarLines(s.state).joined()
        for key in [
            "Enter open", "! escalate", "R resolve", "P hold", "o CSM", "n note", "v reviewed", "V follow-up",
            "i why", "u undo", "1 board", "? help", "q back",
        ] {
            #expect(bar.contains(key), "\(key) missing from \(bar)")
        }
        // Two lines where one cannot hold them all, and both on screen at the bottom.
        let lines = StalledKeyBarTests.renderer.keyBarLines(s.state)
        #expect(lines.count == (width < 200 ? 2 : 1))
        let screen = StalledKeyBarTests.renderer.render(s.state).lines
        func trimmed(_ l: String) -> String { String(l.reversed().drop { $0 == " " }.reversed()) }
        #expect(screen.suffix(lines.count).map(trimmed) == lines.map(trimmed))
    }
}
