import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveIO
@testable import GoliveStore

/// Priors are kept packed; events written before keep their JSON. Both must read back as
/// the prior that was written.
struct StoredPriorTests {
    /// A seeded store, then changes of every kind that leave a prior: fields, holds,
    /// escalations, tasks added, removed and edited, checkpoints and touchpoints moved.
    static func storeWithEveryKindOfPrior(_ dir: TempDir) throws -> Store {
        let store = try seededStore(in: dir, accounts: 8, seed: 11, batch: 3)
        let today = day("2026-11-22")
        let id = try store.accountIDs()[0]
        let account = try #require(try store.account(id))
        let task = account.tasks[0]
        let changes: [Change] = [
            .escalate(reason: "sponsor \"unhappy\" — 東京 a/b", to: "VP"),
            .hold(reason: "budget freeze", until: day("2026-12-10")),
            .resume(note: "back"),
            .reassignTask(task: task.id, owner: "Zoë"),
            .setDependency(task: task.id, on: account.tasks[3].id, waits: true),
            .addTask(lane: .customer, title: "New one", owner: "Mia", due: day("2026-12-01"), checkpoint: nil),
            .deleteTask(task: account.tasks[2].id, reason: "not needed"),
            .moveCheckpoint(
                checkpoint: try #require(account.checkpoints.last).id, to: day("2027-06-20"), reason: "late"),
            .addTouchpoint(on: day("2026-12-02"), audience: "Exec", channel: "Call", objective: "Review"),
            .reassignCSM(to: "Bo Chen"),
            .followUp(nextStep: "call", on: day("2026-11-30")),
        ]
        for change in changes { try store.perform(change, on: id, who: "lee", today: today) }
        return store
    }

    @Test func everyPriorOfAStoreReadsBackAsWritten() throws {
        let dir = TempDir()
        let store = try Self.storeWithEveryKindOfPrior(dir)
        let priors = try store.events().compactMap(\.prior)
        #expect(priors.count > 100)
        let kinds = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT typeof(prior) FROM events") }
        #expect(kinds.contains("blob") && !kinds.contains("text"))
        #expect(priors.contains { !$0.fields.isEmpty })
        #expect(priors.contains { !$0.tasks.isEmpty })
        #expect(priors.contains { !$0.addedTasks.isEmpty })
        #expect(priors.contains { !$0.checkpoints.isEmpty })
        for p in priors {
            #expect(try StoredPrior.packed(StoredPrior.pack(p)).decoded() == p)
        }
    }

    /// Every field set, lists in an order no sort would give: all of it comes back.
    @Test func aPriorWithEveryFieldSetReadsBackWhole() throws {
        var p = Prior(created: true)
        p.lastActivity = day("2026-11-20")
        p.fields = ["name": "\"Acme\"", "escalation": "null", "é": "\u{202E}x"]
        var t = OnboardingTask(
            id: 9, title: "T", lane: .approval, owner: "O", due: day("2026-11-25"), status: .blocked,
            reason: "waiting", statusSince: day("2026-11-21"), finishedOn: day("2026-11-22"), checkpointID: 4,
            dependsOn: [30, 10, 20])
        t.version = 7
        var c = Checkpoint(
            id: 4, key: "k", name: "N", stage: "s", due: day("2026-12-01"), customerConfirms: true,
            milestone: .goLive, achievedOn: day("2026-11-30"), confirmedBy: "Mia",
            replan: Replan(baseline: day("2026-11-15"), moves: 3))
        c.version = 5
        p.tasks = [
            t,
            OnboardingTask(
                id: 3, title: "U", lane: .customer, owner: "P", due: day("2026-11-26"), status: .open, reason: nil,
                statusSince: day("2026-11-21"), finishedOn: nil, checkpointID: nil, dependsOn: []),
        ]
        p.checkpoints = [c]
        p.touchpoints = [
            Touchpoint(
                id: 5, on: day("2026-11-28"), audience: "A", channel: "C", objective: "O", state: .held,
                outcome: "done", markedOn: day("2026-11-28"))
        ]
        p.addedTasks = [8, 2]
        p.addedCheckpoints = [6]
        p.addedTouchpoints = [7, 1]
        #expect(try StoredPrior.packed(StoredPrior.pack(p)).decoded() == p)
    }

    /// A store whose events were written before priors were packed: the same events, the
    /// same changes report, the same export as when they are packed.
    @Test func priorsKeptAsJSONReadAsThePackedOnes() throws {
        let dir = TempDir()
        let store = try Self.storeWithEveryKindOfPrior(dir)
        let events = try store.events()
        let export = try ExportDocument.make(from: store).json()
        func changes() throws -> [AccountChange] {
            try store.changes(since: "2026-08-01", then: day("2026-08-01"), today: day("2026-11-22"))
        }
        let before = try changes()
        #expect(before.count > 3)
        try store.write { tx in
            for e in events {
                guard let p = e.prior else { continue }
                let json = String(decoding: try JSONEncoder.sorted.encode(p), as: UTF8.self)
                try tx.db.execute(sql: "UPDATE events SET prior = ? WHERE id = ?", arguments: [json, e.id])
            }
        }
        let kinds = try store.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT typeof(prior) FROM events") }
        #expect(!kinds.contains("blob") && kinds.contains("text"))
        #expect(try store.events() == events)
        #expect(try ExportDocument.make(from: store).json() == export)
        #expect(try changes() == before)
    }

    @Test func aDamagedPackedPriorIsRefusedNotMisread() throws {
        let p = Prior(created: true)
        let bytes = StoredPrior.pack(p)
        #expect(throws: StoreError.self) { try StoredPrior.packed(bytes.dropLast()).decoded() }
        #expect(throws: StoreError.self) { try StoredPrior.packed(bytes + Data([0])).decoded() }
        var other = bytes
        other[0] = 2
        #expect(throws: StoreError.self) { try StoredPrior.packed(other).decoded() }
    }
}
