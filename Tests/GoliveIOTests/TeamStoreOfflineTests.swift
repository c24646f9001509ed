import Foundation
import GoliveDomain
import GoliveIO
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// The network between a board and its team store fails: a lost connection is made again by
/// the next read or change, a change is saved once, a store that does not answer is said to
/// be offline with nothing changed, and the board reads what others did meanwhile.
struct TeamStoreOfflineTests {
    let server = PostgresServer.shared

    @Test func aChangeAfterTheConnectionWasLostIsSavedOnceOnANewOne() throws {
        let url = try TeamStoreConcurrencyTests.teamStore(accounts: 3)
        let database = PostgresServer.database(of: url)
        let store = try Store(path: url, mode: .readWrite)
        let account = try store.accounts()[0]
        let events = try store.events().count
        let version = try store.dataVersion()
        try server.cut(database)
        let (after, _) = try store.perform(
            .addNote(text: "called the sponsor", task: nil), on: account.id, who: "ana", today: day("2026-11-22"))
        #expect(after.id == account.id)
        #expect(try store.events().count == events + 1)
        // What others did while this board was cut off reached it by no notification.
        #expect(try store.dataVersion() != version)
        try server.cut(database)
        #expect(try store.accounts().count == 3)
    }

    @Test func aStoreThatDoesNotAnswerIsOfflineAndNothingIsChangedUntilItIsBack() throws {
        let url = try TeamStoreConcurrencyTests.teamStore(accounts: 2)
        let database = PostgresServer.database(of: url)
        let store = try Store(path: url, mode: .readWrite)
        let account = try store.accounts()[0]
        let events = try store.events().count
        store.team?.retryAfter = 0.5
        try server.refuseConnections(to: database, true)
        try server.cut(database)
        let note = Change.addNote(text: "left a voicemail", task: nil)
        let e = try #require(throws: StoreError.self) {
            try store.perform(note, on: account.id, who: "ana", today: day("2026-11-22"))
        }
        #expect(e.message.hasPrefix("offline: the store postgresql://"), "\(e.message)")
        #expect(e.message.hasSuffix("nothing was changed"), "\(e.message)")
        #expect(!e.message.contains(server.password))
        // Tried again a moment later (5 s unless told), not on every read: a read at once is
        // refused at once, without waiting on the server.
        let read = try #require(throws: StoreError.self) { try store.accounts() }
        #expect(read.message.hasPrefix("offline:"), "\(read.message)")
        #expect(read.message.contains("reconnecting"), "\(read.message)")
        try server.refuseConnections(to: database, false)
        usleep(600_000)
        try store.perform(note, on: account.id, who: "ana", today: day("2026-11-22"))
        #expect(try store.events().count == events + 1)
    }

    /// Only commits wake other boards: a board that reads (as every board does on each
    /// refresh) must not make the others read again, or two boards would wake each other
    /// for ever.
    @Test func readingWakesNoOtherBoardAndAChangeWakesEachOnce() throws {
        let url = try TeamStoreConcurrencyTests.teamStore(accounts: 2)
        let reader = try Store(path: url, mode: .readWrite)
        let other = try Store(path: url, mode: .readOnly)
        let quiet = try other.dataVersion()
        for _ in 0..<5 {
            _ = try reader.facts()
            _ = try reader.accounts()
            _ = try reader.reviews(for: "ana")
            _ = try reader.dataVersion()
        }
        usleep(100_000)
        #expect(try other.dataVersion() == quiet)
        let account = try reader.accounts()[0]
        let before = try reader.dataVersion()
        try reader.perform(
            .addNote(text: "kickoff booked", task: nil), on: account.id, who: "ana", today: day("2026-11-22"))
        var woken = quiet
        for _ in 0..<40 where woken == quiet {
            usleep(25_000)
            woken = try other.dataVersion()
        }
        #expect(woken == quiet + 1)
        // Its own change is not news to the board that made it.
        #expect(try reader.dataVersion() == before)
    }
}
