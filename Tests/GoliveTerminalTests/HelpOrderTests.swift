import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Help opened on a screen starts with that screen's keys, then those that work everywhere.
struct HelpOrderTests {
    static let renderer = Renderer(glyphs: Glyphs(unicode: true))

    @Test(arguments: [("1", "Board"), ("2", "Stalled review"), ("3", "Agenda"), ("4", "Metrics")])
    func helpStartsWithTheScreensOwnKeysThenEverywhere(_ view: String, _ title: String) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir), width: 120, height: 60)
        s.press(.char(Character(view)), .char("?"))
        let text = HelpOrderTests.renderer.render(s.state).text
        let own = try #require(text.range(of: "│ \(title)  "), "\(text)")
        let everywhere = try #require(text.range(of: "│ Everywhere  "), "\(text)")
        #expect(own.lowerBound < everywhere.lowerBound)
    }
}
