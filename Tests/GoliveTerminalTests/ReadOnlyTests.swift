import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct ReadOnlyTests {
    /// Every key the account and board screens know, pressed on a read-only store: the
    /// store is left byte-identical, however a screen may have asked.
    @Test func noKeyCanWriteToAReadOnlyStore() throws {
        let dir = TempDir()
        _ = try makeStore(dir, seeded: 5)
        let path = dir.file("s.sqlite")
        let before = FileManager.default.contents(atPath: path)
        let eventsBefore = try Store(path: path, mode: .readOnly).events().count
        let s = try session(try Store(path: path, mode: .readOnly))
        #expect(s.state.readOnly)
        let keys: [Key] = KeyTable.defaults.bindings.flatMap(\.keys).filter { $0 != .ctrl("c") && $0 != .char("q") }
        var refused = 0
        // Every key on every screen, answering every prompt it opens.
        let screens: [(String, () -> Void)] = [
            (
                "account",
                {
                    s.press(.char("1"))
                    s.open("Zürich")
                }
            ), ("stalled", { s.press(.char("2")) }),
            ("agenda", { s.press(.char("3")) }), ("board", { s.press(.char("1")) }),
        ]
        for (_, go) in screens {
            for lane in Lane.allCases {
                go()
                if s.state.currentAccount != nil { s.focus(lane) }
                for k in keys {
                    s.press(k)
                    for _ in 0..<3 where s.state.prompt != nil {
                        s.type("x")
                        s.press(.enter)
                    }
                    if s.state.helpOpen { s.press(.escape) }
                    if s.state.whyAccount != nil { s.press(.escape) }
                    if s.state.status?.text == "read-only: nothing was changed" { refused += 1 }
                    if s.state.quitting {
                        Issue.record("a key quit")
                        return
                    }
                    go()
                    if s.state.currentAccount != nil { s.focus(lane) }
                }
            }
        }
        #expect(refused > 20)
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(try Store(path: path, mode: .readOnly).events().count == eventsBefore)
    }
}
