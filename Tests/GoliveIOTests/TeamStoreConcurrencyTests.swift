import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

/// Several machines on one team store: changes made at the same moment never interleave —
/// a stale edit is refused naming who changed the row, and concurrent writers lose nothing
/// and never give one id twice.
struct TeamStoreConcurrencyTests {
    /// A team store holding a seeded portfolio, and its URL.
    static func teamStore(accounts: Int) throws -> String {
        let dir = TempDir()
        let source = try seededStore(in: dir, accounts: accounts, seed: 11, name: "source.sqlite", batch: 10)
        let export = dir.file("export.json")
        FileManager.default.createFile(atPath: export, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: export))
        _ = try ExportDocument.stream(from: source) { try handle.write(contentsOf: $0) }
        try handle.close()
        let url = try PostgresServer.shared.newDatabase()
        _ = try ExportFile.open(path: export).restore(into: Store(path: url, mode: .create))
        return url
    }

    @Test func twoEditsOfOneTaskAtOnceSaveOneAndRefuseTheOtherByName() throws {
        let url = try TeamStoreConcurrencyTests.teamStore(accounts: 4)
        let seen = try Store(path: url, mode: .readOnly).accounts()[0]
        let task = try #require(seen.tasks.first { !$0.status.isFinished })
        let expected = RowVersion.task(task.id, task.version)
        let today = day("2026-11-22")
        let edits: [(who: String, change: Change)] = [
            ("ana", .editTaskTitle(task: task.id, title: "Ana's title")),
            ("ben", .editTaskTitle(task: task.id, title: "Ben's title")),
        ]
        let outcomes = Outcomes()
        // Both start from the same version the screen showed, on two connections.
        let stores = try edits.map { _ in try Store(path: url, mode: .readWrite) }
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                try stores[i].perform(edits[i].change, on: seen.id, who: edits[i].who, today: today, expected: expected)
                outcomes.add(edits[i].who, nil)
            } catch {
                outcomes.add(edits[i].who, "\(error)")
            }
        }
        let all = outcomes.all
        let saved = all.filter { $0.error == nil }
        let refused = all.filter { $0.error != nil }
        #expect(saved.count == 1)
        #expect(refused.count == 1)
        let winner = try #require(saved.first?.who)
        #expect(refused.first?.error?.contains("changed by \(winner)") == true, "\(all)")
        let now = try #require(try Store(path: url, mode: .readOnly).account(seen.id))
        #expect(now.tasks.first { $0.id == task.id }?.title == (winner == "ana" ? "Ana's title" : "Ben's title"))
        #expect(now.tasks.first { $0.id == task.id }?.version == task.version + 1)
    }

    @Test func eightWritersAtOnceLoseNothingAndNeverShareAnID() throws {
        let url = try TeamStoreConcurrencyTests.teamStore(accounts: 8)
        let accounts = try Store(path: url, mode: .readOnly).accounts()
        let eventsBefore = try Store(path: url, mode: .readOnly).events().count
        let today = day("2026-11-22")
        let perWriter = 12
        let failures = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { w in
            do {
                let store = try Store(path: url, mode: .readWrite)
                for k in 0..<perWriter {
                    // Every writer adds to the first account too: the same rows, at once.
                    let account = k % 2 == 0 ? accounts[0].id : accounts[w].id
                    try store.perform(
                        .addTask(
                            lane: .internal, title: "writer \(w) task \(k)", owner: "w\(w)", due: today + 5,
                            checkpoint: nil), on: account, who: "w\(w)", today: today)
                }
            } catch {
                failures.add("writer \(w)", "\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let after = try Store(path: url, mode: .readOnly)
        let tasks = try after.accounts().flatMap(\.tasks)
        let added = tasks.filter { $0.title.hasPrefix("writer ") }
        #expect(added.count == 8 * perWriter)
        #expect(Set(added.map(\.title)).count == 8 * perWriter)
        #expect(Set(tasks.map(\.id)).count == tasks.count)
        #expect(try after.events().count == eventsBefore + 8 * perWriter)
        #expect(Set(try after.events().map(\.id)).count == eventsBefore + 8 * perWriter)
    }
}

/// Who did what, gathered from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [(who: String, error: String?)] = []
    func add(_ who: String, _ error: String?) { lock.withLock { list.append((who, error)) } }
    var all: [(who: String, error: String?)] { lock.withLock { list } }
}
