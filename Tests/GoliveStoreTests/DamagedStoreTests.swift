import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// A store that cannot be written or read as it should: one line that says what happened
/// and the way back, never SQL and never a crash.
struct DamagedStoreTests {
    @Test func aFullDiskRefusesTheChangeInWordsAndKeepsTheStore() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        // SQLite's own page limit stands in for a full disk.
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 12") }
        var message = ""
        do {
            try store.write { tx in
                for i in 0..<200 { try tx.insert(sampleAccount(id: Int64(10 + i), name: "Filler \(i)")) }
            }
        } catch { message = "\(error)" }
        #expect(message == "disk full: nothing was changed (the store \(dir.file("s.sqlite")) is as it was)")
        #expect(!message.contains("INSERT"))
        #expect(try store.accounts() == [sampleAccount()])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aDamagedFileIsRefusedNamingTheWayBack() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        _ = try seeded(dir, accounts: (1...40).map { sampleAccount(id: Int64($0), name: "Account \($0)") })
        // Scribble over the pages after the first: the header still says SQLite.
        var bytes = try #require(FileManager.default.contents(atPath: path))
        for i in 4096..<bytes.count where i % 7 == 0 { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        var message = ""
        do {
            let store = try Store(path: path, mode: .readOnly)
            _ = try store.accounts()
            _ = try store.facts()
        } catch { message = "\(error)" }
        #expect(message.contains("damaged") || message.contains("not a golive store"), "\(message)")
        #expect(!message.contains("SELECT"))
    }
}
