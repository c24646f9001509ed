import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// A store from before the schedule (v19) keeps facts whose forecast knows nothing of what
/// the work waits on; the first open that may write it, file or team store, writes every
/// account's facts again, so the board colours as the rules do.
struct ScheduleFactsUpgradeTests {
    /// An account whose Ready checkpoint slips only through a chain: Build overdue, Test
    /// waiting on it with its own days after it.
    static func chained() -> Account {
        var a = sampleAccount(id: 1, name: "Acme")
        a.tasks[1].due = a.checkpoints[0].due
        return a
    }

    /// The facts as v18 wrote them: no days after the day.
    static func beforeV19(_ a: Account) -> Data {
        var checkpoints = a.facts.checkpoints
        for k in checkpoints.indices { checkpoints[k].forecastAfterDay = 0 }
        return FactsRows.pack(checkpoints)
    }

    @Test func theChainIsInTheFactsAndTheyAgreeWithTheRules() {
        let a = Self.chained()
        let f = a.facts
        #expect(f.checkpoints[0].forecastAfterDay > 0)
        for offset in 0...12 {
            let today = a.contractSigned + offset
            #expect(f.strip(asOf: today) == a.status(asOf: today).checkpoints.map(\.state), "\(today.iso)")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aStoreFromBeforeTheScheduleGetsItsFactsWrittenAgainOnOpening(on kind: StoreKind) throws {
        let dir = TempDir()
        let a = Self.chained()
        let (_, location) = try seeded(dir, on: kind, accounts: [a])
        switch kind {
        case .file:
            try rewind(
                location,
                """
                UPDATE account_facts SET checkpoints = ? WHERE account_id = 1;
                DELETE FROM grdb_migrations WHERE identifier = 'v19'
                """, arguments: [Self.beforeV19(a)])
        case .team:
            let db = try PostgresConnection(PostgresLocation(location))
            try db.execute(
                "UPDATE golive.account_facts SET checkpoints = $1 WHERE account_id = 1", [.bytes(Self.beforeV19(a))])
            try db.execute("DELETE FROM golive.migrations WHERE identifier = 'v19'")
        }
        let store = try Store(path: location, mode: .readWrite)
        #expect(try store.facts() == [a.facts])
    }

    /// A store from before v20 kept the current stage's court and did not mark the go-live
    /// checkpoint: opening it writes the schedule's court, day by day, and the mark.
    @Test(arguments: StoreKind.allCases)
    func aStoreFromBeforeTheCourtFollowedTheScheduleGetsItOnOpening(on kind: StoreKind) throws {
        let dir = TempDir()
        var a = Self.chained()
        a.checkpoints[0].milestone = .goLive
        #expect(a.facts.checkpoints.contains { $0.isGoLive })
        var before = a.facts.checkpoints
        for k in before.indices { before[k].isGoLive = false }
        let (_, location) = try seeded(dir, on: kind, accounts: [a])
        switch kind {
        case .file:
            try rewind(
                location,
                """
                ALTER TABLE account_facts RENAME COLUMN ball_in_court TO stage_court;
                UPDATE account_facts SET stage_court = 'customer', checkpoints = ? WHERE account_id = 1;
                DELETE FROM grdb_migrations WHERE identifier = 'v20'
                """, arguments: [FactsRows.pack(before)])
        case .team:
            let db = try PostgresConnection(PostgresLocation(location))
            try db.execute("ALTER TABLE golive.account_facts RENAME COLUMN ball_in_court TO stage_court")
            try db.execute(
                "UPDATE golive.account_facts SET stage_court = 'customer', checkpoints = $1 WHERE account_id = 1",
                [.bytes(FactsRows.pack(before))])
            try db.execute("DELETE FROM golive.migrations WHERE identifier = 'v20'")
        }
        let store = try Store(path: location, mode: .readWrite)
        #expect(try store.facts() == [a.facts])
    }
}
