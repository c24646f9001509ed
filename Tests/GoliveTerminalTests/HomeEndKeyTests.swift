import Foundation
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Issue 37: Home and End, as tmux sends them under `TERM=xterm-256color` (`ESC [ 1 ~`,
/// `ESC [ 4 ~`), go to the top and the bottom of every list and never leave the screen.
@Suite(.serialized)
struct HomeEndKeyTests {
    struct List: CustomStringConvertible, Sendable {
        let description: String
        let reach: @Sendable (Session) -> Void
        /// Where the list is: its selected line, or its first line in view.
        let position: @Sendable (AppState) -> Int?
    }

    static func onAnAccount(_ keys: String) -> @Sendable (Session) -> Void {
        { s in
            // A seeded account: it has a history and touchpoints to scroll.
            s.press(.char("G"), .enter)
            s.type(keys)
        }
    }

    static let lists: [List] = [
        List(
            description: "board", reach: { _ in },
            position: { s in s.selectedAccount.flatMap { s.visible.firstIndex(of: $0) } }),
        List(
            description: "stalled review", reach: { $0.press(.char("2")) },
            position: { s in s.stalledSelected.flatMap { s.stalledOrder.firstIndex(of: $0) } }),
        List(description: "agenda", reach: { $0.press(.char("3")) }, position: { $0.agendaIndex }),
        List(description: "metrics", reach: { $0.press(.char("4")) }, position: { $0.metricsTop }),
        List(
            description: "account lane", reach: onAnAccount(""),
            position: { s in s.currentAccount.flatMap { s.selectedTask(in: $0)?.id }.map(Int.init) }),
        List(description: "history", reach: onAnAccount("H"), position: { $0.historyTop }),
        List(description: "touchpoints", reach: onAnAccount("t"), position: { $0.touchpointIndex }),
        List(description: "timeline", reach: onAnAccount("L"), position: { $0.timelineIndex }),
        List(description: "help", reach: { $0.press(.char("?")) }, position: { $0.helpTop }),
        // The worst account, at the narrowest width: the most reasons, wrapped the most.
        List(
            description: "why box",
            reach: { s in
                s.send(.resize(width: 60, height: 20))
                s.press(.char("i"))
            }, position: { $0.whyTop }),
    ]

    @Test(arguments: lists)
    func homeAndEndGoToTheTopAndBottom(_ list: List) throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        let s = try session(store, width: 100, height: 20)
        list.reach(s)
        let screen = s.state.screen
        let home = Array("\u{1B}[1~".unicodeScalars)
        let end = Array("\u{1B}[4~".unicodeScalars)
        for k in Key.keys(in: end) { s.press(k) }
        let bottom = list.position(s.state)
        s.press(.down)
        #expect(list.position(s.state) == bottom, "End left \(list) short of its bottom")
        for k in Key.keys(in: home) { s.press(k) }
        let top = list.position(s.state)
        s.press(.up)
        #expect(list.position(s.state) == top, "Home left \(list) short of its top")
        #expect(top != nil && top != bottom, "\(list) did not move: \(String(describing: top))")
        s.press(.down)
        #expect(list.position(s.state) != top, "↓ after Home did not move the \(list)")
        #expect(s.state.screen == screen)
        #expect(s.state.prompt == nil)
    }
}
