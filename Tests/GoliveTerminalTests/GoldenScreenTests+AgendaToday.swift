import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The agenda after `t`: today's heading at the top of the view.
extension GoldenScreenTests {
    @Test func theAgendaAfterTShowsTodayNearTheTop() throws {
        let (_, s, r) = try board(80, 24)
        s.press(.char("3"), .char("t"))
        try check("agenda-today-80x24", r.render(s.state))
    }
}
