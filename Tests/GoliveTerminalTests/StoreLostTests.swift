import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The store's file deleted, moved or replaced under a running board: golive notices, says
/// where every saved change is, and refuses changes rather than write into a file nobody
/// opens again.
@Suite(.serialized)
struct StoreLostTests {
    enum Loss: String, CaseIterable, CustomTestStringConvertible {
        case moved, deleted, replacedOursMoved, replacedOursDeleted
        var testDescription: String { rawValue }
    }

    /// Does `loss` to the store at `path`; returns where its saved changes must end up.
    func inflict(_ loss: Loss, on path: String, in dir: TempDir) throws -> String {
        let fm = FileManager.default
        let elsewhere = dir.file("elsewhere.sqlite")
        let another = dir.file("another.sqlite")
        _ = try Store(path: another, mode: .create)
        switch loss {
        case .moved:
            try fm.moveItem(atPath: path, toPath: elsewhere)
            return elsewhere
        case .deleted:
            try fm.removeItem(atPath: path)
            return path
        case .replacedOursMoved:
            try fm.moveItem(atPath: path, toPath: elsewhere)
            try fm.moveItem(atPath: another, toPath: path)
            return elsewhere
        case .replacedOursDeleted:
            try fm.removeItem(atPath: path)
            try fm.moveItem(atPath: another, toPath: path)
            return ""  // beside it, named by the moment
        }
    }

    /// What another program reading `path` finds: the events `lee` saved.
    func savedByLee(_ path: String) throws -> Int {
        let p = Process()
        let out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, "SELECT count(*) FROM events WHERE who = 'lee'"]
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test(arguments: Loss.allCases)
    func aStoreFileTakenAwayIsNoticedItsSavedChangesKeptAndLaterChangesRefused(_ loss: Loss) throws {
        let (dir, store, s) = try openedZurich()
        defer { withExtendedLifetime(dir) {} }
        let path = dir.file("s.sqlite")
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        s.select("Send welcome pack")
        s.press(.char("x"))
        #expect(s.savedChanges == 2)

        var expected = try inflict(loss, on: path, in: dir)
        // Told as changed, so the terminal draws the frame that says so.
        #expect(s.poll())
        #expect(!s.poll())
        if expected.isEmpty {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            expected = try #require(
                names.first { $0.hasPrefix("s.sqlite.recovered-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
                    .map { dir.file($0) }, "\(names)")
        }
        let status = try #require(s.state.status)
        #expect(status.isError)
        #expect(status.text.hasPrefix("store file"), "\(status.text)")
        #expect(status.text.contains("changes refused"))
        #expect(status.text.hasSuffix(expected), "\(status.text)")
        #expect(s.state.readOnly)
        #expect(s.lostStoreNotice?.contains(expected) == true)

        // Every saved change is where golive said, for the next program to read.
        #expect(try savedByLee(expected) == 2)
        // And nothing more goes into the file that was taken away.
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        #expect(s.state.status?.text.hasPrefix("nothing was changed — store file") == true)
        #expect(s.savedChanges == 2)
        #expect(try savedByLee(expected) == 2)
        // The connection is left alone from then on: closing it would let SQLite checkpoint
        // into, and delete, the -wal and -shm by their names.
        #expect(throws: StoreError.self) { try store.events() }
    }

    @Test(arguments: [Loss.moved, .deleted])
    func aNewStoreMadeAtTheOldPathWhileTheBoardStillRunsStartsClean(_ loss: Loss) throws {
        let (dir, _, s) = try openedZurich()
        defer { withExtendedLifetime(dir) {} }
        let path = dir.file("s.sqlite")
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        _ = try inflict(loss, on: path, in: dir)
        #expect(s.poll())
        if loss == .moved {
            // Nothing of the old store's log is left under the name for a new store to take.
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
            _ = try Store(path: path, mode: .create)
        }
        let next = try Store(path: path, mode: .readWrite)
        try next.write { tx in try tx.setNextID(try tx.nextID() + 7) }
        try next.write { tx in try tx.setNextID(try tx.nextID() + 7) }
        #expect(try next.integrityCheck() == "ok")
        // The board goes on answering keys, and leaves the new store alone.
        s.press(.char("j"), .char("x"), .char("u"))
        #expect(s.savedChanges == 1)
        #expect(try savedByLee(path) == (loss == .deleted ? 1 : 0))
        #expect(try next.integrityCheck() == "ok")
    }

    @Test func aChangeKeyIsRefusedEvenBeforeThePollNoticesTheLoss() throws {
        let (dir, _, s) = try openedZurich()
        defer { withExtendedLifetime(dir) {} }
        let moved = try inflict(.moved, on: dir.file("s.sqlite"), in: dir)
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        #expect(s.savedChanges == 0)
        #expect(s.state.status?.text.contains("moved") == true)
        #expect(try savedByLee(moved) == 0)
    }

    @Test func aStoreInPlaceIsLeftAlone() throws {
        let (dir, store, s) = try openedZurich()
        defer { withExtendedLifetime(dir) {} }
        #expect(store.whereabouts() == .inPlace)
        _ = s.poll()
        #expect(!s.state.readOnly)
        #expect(s.lostStoreNotice == nil)
    }
}
