import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Help opened on a screen starts with that screen's keys.
extension GoldenScreenTests {
    @Test func helpStartsWithTheKeysOfTheScreenItWasOpenedOn() throws {
        let (_, s, r) = try board(80, 24)
        s.press(.char("?"))
        try check("help-board-80x24", r.render(s.state))
        s.press(.escape)
        s.open("Acme")
        s.press(.char("?"))
        try check("help-account-80x24", r.render(s.state))
        s.press(.escape, .char("2"), .char("?"))
        try check("help-stalled-80x24", r.render(s.state))
        s.press(.escape, .char("3"), .char("?"))
        try check("help-agenda-80x24", r.render(s.state))
    }
}
