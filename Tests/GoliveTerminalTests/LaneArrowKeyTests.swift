import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// On an account, ←/→ switch lanes as Tab/Shift-Tab and l/h do.
struct LaneArrowKeyTests {
    static let renderer = Renderer(glyphs: Glyphs(unicode: true))

    @Test func arrowsSwitchLanesOnAnAccount() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.open("Zürich")
        #expect(s.state.focus?.lane == .internal)
        s.press(.right)
        #expect(s.state.focus?.lane == .customer)
        s.press(.right)
        #expect(s.state.focus?.lane == .approval)
        s.press(.left, .left)
        #expect(s.state.focus?.lane == .internal)
    }
}
