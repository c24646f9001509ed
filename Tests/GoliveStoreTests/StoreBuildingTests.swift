import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// A new store is built beside its place and moved in whole: nothing at the path until
/// everything is, nothing left beside it after, and the same store as filled in place.
struct StoreBuildingTests {
    static func fill(_ store: Store, accounts: ClosedRange<Int64> = 1...40) throws {
        try store.write { tx in
            try tx.upsert(StoredPlaybook(name: "test", title: "Test", thresholds: Thresholds()))
            for id in accounts { try tx.insert(sampleAccount(id: id, name: "Account \(id)")) }
            try tx.setNextID(10_000)
        }
    }

    /// Every file in the folder but the lock files `Store` keeps beside a store.
    static func files(_ dir: TempDir) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasSuffix(".lock") }
            .sorted()
    }

    @Test func aBuiltStoreEqualsOneFilledInPlaceAndLeavesNothingBesideIt() throws {
        let dir = TempDir()
        let inPlace = try Store(path: dir.file("in-place.sqlite"), mode: .create)
        try Self.fill(inPlace)
        let built = try Store.build(at: dir.file("nested/built.sqlite")) { try Self.fill($0) }
        #expect(try built.accounts() == inPlace.accounts())
        #expect(try built.facts() == inPlace.facts())
        #expect(try built.nextID() == 10_000)
        #expect(Self.files(dir) == ["in-place.sqlite", "in-place.sqlite-shm", "in-place.sqlite-wal", "nested"])
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.file("nested"))) ?? []).filter {
                !$0.hasSuffix(".lock")
            }.sorted() == ["built.sqlite", "built.sqlite-shm", "built.sqlite-wal"])
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("nested/built.sqlite"))[.posixPermissions]
        #expect(mode as? Int == 0o600)
        let q = try DatabaseQueue(path: dir.file("nested/built.sqlite"))
        #expect(try q.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try q.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func aBuildThatFailsLeavesNoStoreAndNoScratch() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try Store.build(at: path) { store in
                try Self.fill(store)
                throw Stop()
            }
        }
        #expect(Self.files(dir) == [])
        // The path is free for the next attempt, which succeeds.
        _ = try Store.build(at: path) { try Self.fill($0, accounts: 1...3) }
        #expect(try Store(path: path, mode: .readOnly).accounts().count == 3)
    }

    @Test func aStoreAlreadyThereIsNotBuiltOver() throws {
        let dir = TempDir()
        let store = try seeded(dir)
        let before = try store.accounts()
        #expect(!Store.canBuild(at: store.path))
        #expect(throws: StoreError.self) { _ = try Store.build(at: store.path) { try Self.fill($0) } }
        #expect(try Store(path: store.path, mode: .readOnly).accounts() == before)
        // An empty file (as `touch` leaves) can be built into.
        FileManager.default.createFile(atPath: dir.file("empty.sqlite"), contents: nil)
        #expect(Store.canBuild(at: dir.file("empty.sqlite")))
    }

    @Test func theScratchOfABuildWhoseProcessEndedIsRemovedByTheNext() throws {
        let dir = TempDir()
        // A process that has ended: a child that exited, its id collected.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let abandoned = [
            ".s.sqlite.building-\(dead)-0000ABCD.scratch", ".s.sqlite.building-\(dead)-0000ABCD.scratch-wal",
        ]
        for name in abandoned { FileManager.default.createFile(atPath: dir.file(name), contents: Data("x".utf8)) }
        let running = ".s.sqlite.building-\(getppid())-0000EEEE.scratch"
        FileManager.default.createFile(atPath: dir.file(running), contents: Data("x".utf8))
        _ = try Store.build(at: dir.file("s.sqlite")) { try Self.fill($0, accounts: 1...2) }
        #expect(Self.files(dir) == [running, "s.sqlite"])
    }
}

extension StoreBuildingTests {
    @Test func aStoreAnotherGoliveMadeOfThePlaceholderIsNotReplaced() throws {
        let dir = TempDir()
        let path = dir.file("s.sqlite")
        // Another instance opens the path while the build fills its scratch: its open makes
        // the empty placeholder a store of its own.
        #expect {
            _ = try Store.build(at: path) { store in
                try Self.fill(store)
                let other = try Store(path: path, mode: .create)
                try other.write { tx in try tx.setNextID(77) }
            }
        } throws: { error in
            "\(error)".contains("another golive opened \(path) while the new store was built there")
        }
        #expect(try Store(path: path, mode: .readOnly).nextID() == 77)
        #expect(!Self.files(dir).contains { $0.contains(".building-") }, "\(Self.files(dir))")
    }
}
