import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `t` on the agenda puts today at the top of the view, the overdue days a scroll away above.
struct AgendaTodayTests {
    static let renderer = Renderer(glyphs: Glyphs(unicode: true))

    @Test func tOnTheAgendaPutsTodaysHeadingAtTheTopOfTheView() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: 80, height: 24)
        s.press(.char("3"), .char("t"))
        let screen = AgendaTodayTests.renderer.render(s.state).lines
        // Below the header: today's heading first, not on the last line of the list.
        #expect(screen[1].hasPrefix("Today · "), "\(screen.joined(separator: "\n"))")
        // Up from there scrolls only as far as the selection needs: one line.
        s.press(.char("k"))
        let after = AgendaTodayTests.renderer.render(s.state).lines
        #expect(after[2].hasPrefix("Today · "), "\(after.joined(separator: "\n"))")
    }

    @Test func goingBackToTheTopShowsTheFirstDaysHeadingAboveItsFirstItem() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: 80, height: 24)
        s.press(.char("3"), .char("t"), .char("g"))
        let screen = AgendaTodayTests.renderer.render(s.state).lines
        #expect(s.state.agendaIndex == 0)
        #expect(s.state.agendaTop == 0, "\(screen.joined(separator: "\n"))")
        s.press(.char("G"), .home)
        #expect(s.state.agendaTop == 0)
    }
}
