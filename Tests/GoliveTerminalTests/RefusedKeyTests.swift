import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// A key the user expects to ask something must never let the typing after it run as
/// commands, whether it is refused or the store is read-only.
@Suite(.serialized)
struct RefusedKeyTests {
    /// Seen in a first-use test: `b` on an approval, then "legal" + Enter typed as the
    /// reason — `l` switched lane, `e` opened the title prompt and Enter saved a rename.
    @Test func aRefusedBlockTakesTheReasonTypedAfterItAndChangesNothing() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        s.focus(.approval)
        let before = try store.account(s.account.id)
        s.press(.char("b"))
        s.type("legal")
        s.press(.enter)
        #expect(try store.events().isEmpty)
        #expect(try store.account(s.account.id) == before)
        #expect(s.state.focus?.lane == .approval && s.state.prompt == nil)
        #expect(
            s.state.status
                == StatusLine(
                    text: "nothing was changed: an approval is approved or rejected, not blocked", isError: true))
    }

    @Test(arguments: ["b", "X", "e", "d", "o"])
    func aKeyThatAsksAboutATaskInAnEmptyLaneStillTakesTheTyping(_ key: Character) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.write { tx in
            // An account whose customer lane is empty.
            let id = try #require(try tx.accountID(named: "Acme 🚀 Labs"))
            var a = try #require(try tx.account(id))
            let gone = Set(a.tasks.filter { $0.lane == .customer }.map(\.id))
            let old = a
            a.tasks.removeAll { gone.contains($0.id) }
            for i in a.tasks.indices { a.tasks[i].dependsOn.removeAll { gone.contains($0) } }
            try tx.save(a, replacing: old)
        }
        let s = try session(store)
        s.open("Acme")
        s.focus(.customer)
        #expect(s.selectedTask == nil)
        s.press(.char(key))
        #expect(s.state.prompt?.purpose == .refusal("no task selected in the Customer lane"))
        s.type("legal")
        s.press(.enter)
        #expect(try store.events().isEmpty)
        #expect(s.state.focus?.lane == .customer)
    }

    @Test func aChangingKeyOnAReadOnlyStoreAnswersAtOnceWithoutAQuestion() throws {
        let dir = TempDir()
        _ = try makeStore(dir, seeded: 5)
        let s = try session(try Store(path: dir.file("s.sqlite"), mode: .readOnly))
        s.press(.enter)
        for key in ["b", "e", "a", "n", "!", ">", "u"] {
            s.press(.char(Character(key)))
            #expect(s.state.prompt == nil, "\(key) opened a question")
            #expect(s.state.status == StatusLine(text: "read-only: nothing was changed", isError: true))
        }
    }

    @Test func theKeyBarOfAReadOnlyStoreListsOnlyKeysThatWork() throws {
        let dir = TempDir()
        _ = try makeStore(dir, seeded: 5)
        let s = try session(try Store(path: dir.file("s.sqlite"), mode: .readOnly), width: 200)
        s.press(.enter)
        let bar = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? ""
        #expect(bar.contains("lane") && bar.contains("history") && bar.contains("help"))
        #expect(!bar.contains("done") && !bar.contains("block") && !bar.contains("undo"))
    }
}
