import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

/// Moving a team: a file's export restored into PostgreSQL exports the same bytes, and
/// restored back into a file again; a restore never writes into a store that holds anything.
struct TeamStoreMoveTests {
    static func streamed(_ store: Store, accountsPerBatch: Int = 512, eventsPerBatch: Int = 8_192) throws -> Data {
        try StreamedExportTests.streamed(store, accountsPerBatch: accountsPerBatch, eventsPerBatch: eventsPerBatch)
    }

    @Test func fileToTeamStoreAndBackExportsTheSameBytes() throws {
        let dir = TempDir()
        let source = try seededStore(in: dir, accounts: 30, seed: 9, name: "source.sqlite", batch: 10)
        let first = try source.accounts()[0]
        try source.perform(
            .escalate(reason: "sponsor \"unhappy\" — 東京 \u{1F600}", to: "VP"), on: first.id, who: "lee",
            today: day("2026-11-22"))
        let exported = try TeamStoreMoveTests.streamed(source)
        try exported.write(to: URL(fileURLWithPath: dir.file("export.json")))

        let url = try PostgresServer.shared.newDatabase()
        let team = try Store(path: url, mode: .create)
        #expect(!team.path.contains(PostgresServer.shared.password))
        let written = try ExportFile.open(path: dir.file("export.json")).restore(into: team)
        #expect(written.accounts == 30)
        // Small batches: the pieces of one export come from one moment of the server.
        let fromTeam = try TeamStoreMoveTests.streamed(team, accountsPerBatch: 7, eventsPerBatch: 100)
        #expect(fromTeam == exported)

        try fromTeam.write(to: URL(fileURLWithPath: dir.file("again.json")))
        let back = try Store(path: dir.file("back.sqlite"), mode: .create)
        _ = try ExportFile.open(path: dir.file("again.json")).restore(into: back)
        #expect(try TeamStoreMoveTests.streamed(back) == exported)
        #expect(try back.accounts() == source.accounts())
    }

    /// What changed since a day, for everyone, one CSM or some accounts, reads the same on a
    /// team store as on the file it came from (the priors, finished tasks and handoff records
    /// each read there).
    @Test func whatChangedReadsTheSameOnATeamStoreAsOnItsFile() throws {
        let dir = TempDir()
        let source = try seededStore(in: dir, accounts: 40, seed: 4, name: "source.sqlite", batch: 10)
        try TeamStoreMoveTests.streamed(source).write(to: URL(fileURLWithPath: dir.file("export.json")))
        let team = try Store(path: PostgresServer.shared.newDatabase(), mode: .create)
        _ = try ExportFile.open(path: dir.file("export.json")).restore(into: team)
        let csm = try source.accounts()[0].csm
        let some = try Array(source.accountIDs().prefix(9))
        let today = day("2026-11-22")
        var compared = 0
        for since in ["2026-11-15", "2026-11-01", "2026-10-01"] {
            for (who, only) in [(nil, nil), (csm, nil), (nil, some)] as [(String?, [Int64]?)] {
                let then = day(since)
                let onFile = try source.changes(since: since, then: then, today: today, csm: who, accounts: only)
                let onTeam = try team.changes(since: since, then: then, today: today, csm: who, accounts: only)
                #expect(onTeam == onFile, "since \(since), csm \(who ?? "-"), \(only?.count ?? 0) accounts")
                compared += onFile.count
            }
        }
        #expect(compared > 40)
        #expect(try team.lastReview(by: "nobody") == nil)
    }

    @Test func restoringIntoATeamStoreThatHoldsAnythingChangesNothing() throws {
        let dir = TempDir()
        let source = try seededStore(in: dir, accounts: 3, seed: 2, name: "source.sqlite", batch: 3)
        try TeamStoreMoveTests.streamed(source).write(to: URL(fileURLWithPath: dir.file("export.json")))
        let url = try PostgresServer.shared.newDatabase()
        let team = try Store(path: url, mode: .create)
        _ = try ExportFile.open(path: dir.file("export.json")).restore(into: team)
        let before = try TeamStoreMoveTests.streamed(team)
        let e = try #require(throws: StoreError.self) {
            try ExportFile.open(path: dir.file("export.json")).restore(into: team)
        }
        #expect(e.message.contains("not empty"))
        #expect(try TeamStoreMoveTests.streamed(Store(path: url, mode: .readOnly)) == before)
    }

    /// Rows are sent without waiting for each answer: a row the server refuses still
    /// refuses the whole change in its words, leaves nothing, and the store works on.
    @Test func aRowRefusedAmongManySentRefusesTheWholeChange() throws {
        let dir = TempDir()
        let source = try seededStore(in: dir, accounts: 6, seed: 3, name: "source.sqlite", batch: 6)
        let accounts = try source.accounts()
        let playbooks = try source.playbooks()
        let team = try Store(path: PostgresServer.shared.newDatabase(), mode: .create)
        let e = try #require(throws: StoreError.self) {
            try team.write { tx in
                for p in playbooks { try tx.upsert(p) }
                for a in accounts { try tx.insert(a) }
                try tx.insert(accounts[2])
            }
        }
        #expect(e.message.contains("duplicate key value"), "\(e.message)")
        #expect(e.message.hasSuffix("nothing was changed"))
        #expect(try team.accounts().isEmpty)
        try team.write { tx in
            for p in playbooks { try tx.upsert(p) }
            for a in accounts { try tx.insert(a) }
        }
        #expect(try team.accounts() == accounts)
    }

    @Test func aReadOnlyOpenOfATeamStoreRefusesToWrite() throws {
        let url = try PostgresServer.shared.newDatabase()
        _ = try Store(path: url, mode: .create)
        let viewer = try Store(path: url, mode: .readOnly)
        let e = try #require(throws: StoreError.self) { try viewer.write { tx in try tx.setNextID(5) } }
        #expect(e.message.contains("read-only"))
    }
}
