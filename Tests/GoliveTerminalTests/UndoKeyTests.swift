import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `u` takes back the user's own changes newest first, each refused only when a row it
/// touched changed since; `Ctrl-R` does again what `u` took back.
@Suite(.serialized)
struct UndoKeyTests {
    func opened(_ kind: StoreKind) throws -> (TempDir, Store, Session) { try openedZurich(on: kind) }

    func status(_ store: Store, _ s: Session, _ title: String) throws -> TaskStatus? {
        try store.account(s.account.id)?.tasks.first { $0.title == title }?.status
    }

    @Test(arguments: StoreKind.allCases) func uTakesBackChangesToDifferentTasksNewestFirstAndSaysWhatInWords(
        on kind: StoreKind
    ) throws {
        let (_, store, s) = try opened(kind)
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        s.select("Send welcome pack")
        s.press(.char("w"))
        s.press(.char("u"))
        #expect(
            s.state.status
                == StatusLine(text: "\(s.account.name) · undone: 'Send welcome pack' open → waiting", isError: false))
        #expect(try status(store, s, "Send welcome pack") == .open)
        s.press(.char("u"))
        #expect(
            s.state.status
                == StatusLine(
                    text: "\(s.account.name) · undone: 'Sales-to-CS handoff meeting' open → done", isError: false))
        #expect(try status(store, s, "Sales-to-CS handoff meeting") == .open)
        #expect(try store.events().map(\.kind) == ["task.status", "task.status", "undo", "undo"])
        s.press(.char("u"))
        #expect(s.state.status == StatusLine(text: "nothing to undo in this session", isError: true))
    }

    @Test(arguments: StoreKind.allCases) func ctrlRRedoesWhatUTookBackAndANewChangeEndsTheRedo(on kind: StoreKind)
        throws
    {
        let (_, store, s) = try opened(kind)
        s.select("Send welcome pack")
        s.press(.char("x"))
        s.press(.char("u"), .ctrl("r"))
        #expect(
            s.state.status
                == StatusLine(text: "\(s.account.name) · redone: 'Send welcome pack' open → done", isError: false))
        #expect(try status(store, s, "Send welcome pack") == .done)
        // The redo can itself be undone, in the same words.
        s.press(.char("u"))
        #expect(
            s.state.status
                == StatusLine(text: "\(s.account.name) · undone: 'Send welcome pack' open → done", isError: false))
        s.press(.char("w"))
        s.press(.ctrl("r"))
        #expect(s.state.status == StatusLine(text: "nothing to redo", isError: true))
        #expect(try status(store, s, "Send welcome pack") == .waiting)
    }

    @Test(arguments: StoreKind.allCases) func aStepWhoseRowSomeoneElseChangedIsRefusedAndTheOneBeforeIsNext(
        on kind: StoreKind
    ) throws {
        let (dir, store, s) = try opened(kind)
        defer { withExtendedLifetime(dir) {} }  // the file stays while the other connection opens it
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        s.select("Send welcome pack")
        s.press(.char("x"))
        let other = try again(store)
        let welcome = try #require(s.account.tasks.first { $0.title == "Send welcome pack" })
        try other.perform(.setTaskDue(task: welcome.id, due: today + 3), on: s.account.id, who: "dana", today: today)
        s.press(.char("u"))
        #expect(
            s.state.status
                == StatusLine(
                    text: "'Send welcome pack' changed since: nothing undone; u takes back the change before it",
                    isError: true))
        #expect(try status(store, s, "Send welcome pack") == .done)
        s.press(.char("u"))
        #expect(try status(store, s, "Sales-to-CS handoff meeting") == .open)
    }

    @Test(arguments: StoreKind.allCases) func theUndoStackHoldsAtLeastAHundredChanges(on kind: StoreKind) throws {
        let (_, store, s) = try opened(kind)
        s.select("Send welcome pack")
        for _ in 0..<120 { s.press(.char("w")) }
        for _ in 0..<120 { s.press(.char("u")) }
        #expect(try status(store, s, "Send welcome pack") == .open)
        #expect(s.state.undo.isEmpty && s.state.redo.count == 120)
    }
}
