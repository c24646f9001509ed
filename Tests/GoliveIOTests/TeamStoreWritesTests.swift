import Foundation
import GRDB
import GoliveDomain
import GoliveIO
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// The team store's writes are the file's statements: the same accounts, events and
/// changes written to a SQLite file and to PostgreSQL leave every table row for row the
/// same, the kept facts, rule views and packed priors included.
struct TeamStoreWritesTests {
    static let tables: [(name: String, order: String)] = [
        ("counters", "name"), ("playbooks", "name"), ("accounts", "id"), ("stages", "account_id, ordinal"),
        ("checkpoints", "id"), ("tasks", "id"), ("task_dependencies", "task_id, depends_on"), ("touchpoints", "id"),
        ("events", "id"), ("account_facts", "account_id"), ("account_rule_views", "account_id"),
    ]

    /// Every row of every table, each value written out the same way whichever store held it.
    static func rows(of file: String) throws -> [String: [String]] {
        let q = try DatabaseQueue(path: file)
        return try q.read { db in
            var out: [String: [String]] = [:]
            for t in tables {
                out[t.name] = try Row.fetchAll(db, sql: "SELECT * FROM \(t.name) ORDER BY \(t.order)").map { r in
                    r.databaseValues.map { v in
                        switch v.storage {
                        case .null: return "NULL"
                        case .int64(let i): return String(i)
                        case .double(let d): return String(d)
                        case .string(let s): return "'\(s)'"
                        case .blob(let d): return d.map { String(format: "%02x", $0) }.joined()
                        }
                    }.joined(separator: " | ")
                }
            }
            return out
        }
    }

    static func rows(of team: PostgresStore) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for t in tables {
            let r = try team.connection.execute("SELECT * FROM \(t.name) ORDER BY \(t.order)")
            out[t.name] = try (0..<r.count).map { i in
                try (0..<r.columns).map { c -> String in
                    if r.isNull(i, c) { return "NULL" }
                    if let n = try? r.int(i, c) { return String(n ?? 0) }
                    if let s = try? r.text(i, c) { return "'\(s ?? "")'" }
                    return try r.data(i, c).map { d in d.map { String(format: "%02x", $0) }.joined() } ?? ""
                }.joined(separator: " | ")
            }
        }
        return out
    }

    static func expectSame(_ file: String, _ team: PostgresStore) throws {
        let a = try rows(of: file)
        let b = try rows(of: team)
        for t in tables {
            #expect(a[t.name]?.isEmpty == false, "\(t.name) has rows")
            #expect(a[t.name] == b[t.name], "\(t.name)")
        }
    }

    @Test func theSameRestoreAndChangesLeaveEveryTableTheSame() throws {
        let dir = TempDir()
        let source = try seededStore(in: dir, accounts: 12, seed: 5, name: "source.sqlite", batch: 5)
        let playbooks = try source.playbooks()
        let before = try source.accounts()
        let beforeEvents = try source.events()
        let nextID = try source.nextID()
        // Changes that touch each kind of row: the account's, a task's, a checkpoint's, a
        // new task with a dependency, a touchpoint, an escalation, a deleted task.
        let today = day("2026-11-22")
        let a = before[0]
        let b = before[1]
        let task = a.tasks.first { !$0.status.isFinished }
        try source.perform(.escalate(reason: "sponsor 'unhappy' — 東京", to: "VP"), on: a.id, who: "lee", today: today)
        if let task {
            try source.perform(
                .setTaskStatus(task: task.id, to: .blocked, reason: "waiting on SSO"), on: a.id, who: "lee",
                today: today)
        }
        try source.perform(
            .addTask(lane: .customer, title: "Send the logo", owner: "Dana", due: today + 3, checkpoint: nil),
            on: b.id, who: "ana", today: today)
        try source.perform(
            .addTouchpoint(on: today + 2, audience: "sponsor", channel: "call", objective: "unblock SSO"), on: b.id,
            who: "ana", today: today)
        if let open = b.tasks.first(where: { !$0.status.isFinished }) {
            try source.perform(.deleteTask(task: open.id, reason: "duplicate"), on: b.id, who: "ana", today: today)
        }
        let after = try source.accounts()
        let newEvents = try source.events().filter { e in e.id > (beforeEvents.last?.id ?? 0) }
        #expect(newEvents.count >= 4)

        let file = try Store(path: dir.file("file.sqlite"), mode: .create)
        let team = try PostgresStore(PostgresLocation(PostgresServer.shared.newDatabase()), mode: .create)
        func restore(_ w: RowWrites) throws {
            for p in playbooks { try w.upsert(p) }
            for x in before { try w.insert(x) }
            for e in beforeEvents { try w.insert(PreparedEvent(e)) }
            try w.setNextID(nextID)
        }
        try file.write { tx in try restore(tx.writes) }
        try team.write { c in try restore(RowWrites(connection: .postgres(c))) }
        try TeamStoreWritesTests.expectSame(dir.file("file.sqlite"), team)

        // The changes as `perform` saves them, each new event given its id by the store.
        func change(_ w: RowWrites) throws -> [Int64] {
            for (old, new) in zip(before, after) where old != new { try w.save(new, replacing: old) }
            return try newEvents.map { e in
                var fresh = e
                fresh.id = 0
                return try w.insert(PreparedEvent(fresh)).id
            }
        }
        let fileIDs = try file.write { tx in try change(tx.writes) }
        let teamIDs = try team.write { c in try change(RowWrites(connection: .postgres(c))) }
        #expect(fileIDs == newEvents.map(\.id))
        #expect(teamIDs == fileIDs)
        try TeamStoreWritesTests.expectSame(dir.file("file.sqlite"), team)
    }
}
