import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The bar below the lanes tells what was chosen last: the checkpoint after `[` or `]`, the
/// task again once a task is chosen.
struct AccountDetailBarTests {
    @Test func theBarTellsTheCheckpointChosenWithBracketsUntilATaskIsChosenAgain() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: 100, height: 30)
        let r = Renderer(glyphs: Glyphs(unicode: true))
        s.press(.enter)
        let a = try #require(s.state.currentAccount)
        func bar() -> String { r.render(s.state).lines[s.state.height - 2] }
        let task = try #require(s.state.selectedTask(in: a))
        #expect(bar().hasPrefix(" \(task.title)"), "\(bar())")
        s.press(.char("]"))
        let cp = try #require(s.state.selectedCheckpoint(in: a))
        #expect(bar().hasPrefix(" \(cp.name) · "), "\(bar())")
        #expect(bar().contains(cp.achievedOn.map { "achieved \($0.iso)" } ?? "due \(cp.due.iso)"), "\(bar())")
        s.press(.char("j"))
        let next = try #require(s.state.selectedTask(in: a))
        #expect(bar().hasPrefix(" \(next.title)"), "\(bar())")
    }
}
