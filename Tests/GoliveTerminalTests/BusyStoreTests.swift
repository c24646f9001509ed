import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Another program holding the store's write lock (a long transaction, a backup tool) while
/// keys come in, as on the terminal: changes off the key path.
@Suite(.serialized)
struct BusyStoreTests {
    /// Holds a write transaction on another connection until `release` is called.
    final class Holder: @unchecked Sendable {
        let released = DispatchSemaphore(value: 0)
        let ended = DispatchSemaphore(value: 0)

        init(_ store: Store) throws {
            let other = try again(store)
            let started = DispatchSemaphore(value: 0)
            let (released, ended) = (released, ended)
            DispatchQueue.global().async {
                _ = try? other.write { _ in
                    started.signal()
                    released.wait()
                }
                ended.signal()
            }
            started.wait()
        }

        func release() {
            released.signal()
            ended.wait()
        }
    }

    func onTheTerminal() throws -> (TempDir, Store, Session) {
        let (dir, store, s) = try openedZurich()
        s.offKeyPath = true
        return (dir, store, s)
    }

    /// Waits (up to 20 s) for the change being tried again to come back.
    func settled(_ s: Session) {
        let deadline = Date().addingTimeInterval(20)
        while s.isSaving && Date() < deadline {
            _ = s.collect()
            usleep(10_000)
        }
    }

    @Test func aChangeOnABusyStoreIsAnsweredAtOnceAndSavedOnceTheStoreIsFree() throws {
        let (dir, store, s) = try onTheTerminal()
        defer { withExtendedLifetime(dir) {} }
        s.select("Sales-to-CS handoff meeting")
        let holder = try Holder(store)
        s.press(.char("x"))
        // The key came back with the lock still held: the change waits off the key path.
        #expect(s.isSaving)
        #expect(s.state.status?.text.contains("the store is busy") == true)
        #expect(try store.events(account: s.account.id).isEmpty)
        // Keys are still answered; another change waits for the first rather than overtaking it.
        s.press(.char("j"))
        #expect(s.selectedTask?.title != "Sales-to-CS handoff meeting")
        s.press(.char("x"))
        #expect(s.state.status == StatusLine(text: Session.stillSaving, isError: true))
        holder.release()
        settled(s)
        #expect(!s.isSaving)
        #expect(s.state.status?.text == "\(s.account.name) · saved: 'Sales-to-CS handoff meeting' open → done")
        #expect(try store.events(account: s.account.id).map(\.kind) == ["task.status"])
        #expect(s.savedChanges == 1)
        #expect(s.account.tasks.first { $0.title == "Sales-to-CS handoff meeting" }?.status == .done)
    }

    @Test func aStoreBusyPastTheRetryTimeRefusesTheChangeAndAnUndoStaysOnItsStack() throws {
        let (dir, store, s) = try onTheTerminal()
        defer { withExtendedLifetime(dir) {} }
        s.busyRetryFor = 0.3
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        #expect(try store.events(account: s.account.id).count == 1)
        let holder = try Holder(store)
        s.press(.char("u"))
        #expect(s.isSaving)
        settled(s)
        #expect(
            s.state.status?.text.hasPrefix("store busy — nothing was changed") == true,
            "\(String(describing: s.state.status))")
        #expect(s.state.status?.isError == true)
        #expect(try store.events(account: s.account.id).count == 1)
        holder.release()
        // The undo that could not be saved is still there to take.
        s.press(.char("u"))
        settled(s)
        #expect(try store.events(account: s.account.id).map(\.kind) == ["task.status", "undo"])
        #expect(s.account.tasks.first { $0.title == "Sales-to-CS handoff meeting" }?.status == .open)
    }

    @Test func quittingWithAChangeStillWaitingSavesItFirst() throws {
        let (dir, store, s) = try onTheTerminal()
        defer { withExtendedLifetime(dir) {} }
        s.select("Sales-to-CS handoff meeting")
        let holder = try Holder(store)
        s.press(.char("x"))
        #expect(s.isSaving)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { holder.release() }
        s.settle()
        #expect(!s.isSaving)
        #expect(try store.events(account: s.account.id).map(\.kind) == ["task.status"])
    }
}
