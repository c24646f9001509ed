import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Side-by-side lanes share the width by what their lines need; ←/→ switch them.
extension GoldenScreenTests {
    @Test(arguments: [(80, 24), (132, 40), (200, 60)])
    func lanesShareTheWidthAndArrowsSwitchThem(_ size: (Int, Int)) throws {
        let (_, s, r) = try board(size.0, size.1)
        s.open("Zürich")
        s.press(.right)
        try check("lanes-\(size.0)x\(size.1)", r.render(s.state))
    }
}
