import Foundation
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// A past day's copy holds the whole store: one left behind by a killed process must not
/// stay in the temporary folder for ever.
struct PastDayCopyTests {
    /// The id of a process that has ended (and been reaped).
    static func endedProcess() throws -> pid_t {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func copiesOfEndedProcessesGoAndLiveOnesStay() throws {
        let dir = TempDir()
        let ended = try Self.endedProcess()
        let mine = getpid()
        let parent = getppid()
        func copy(_ pid: pid_t, _ tag: String) -> String { "golive-as-of-2026-11-20-\(pid)-\(tag).sqlite" }
        let names = [
            copy(ended, "AAAAAAAA"), copy(ended, "AAAAAAAA") + "-wal", copy(ended, "AAAAAAAA") + "-shm",
            copy(ended, "AAAAAAAA") + ".lock", copy(mine, "BBBBBBBB"), copy(parent, "CCCCCCCC"),
            // Not golive's copies, or not named as they are: left alone.
            "golive-as-of-notes.txt", "golive-as-of-2026-11-20-x-DDDDDDDD.sqlite", "other-\(ended).sqlite",
        ]
        for n in names { FileManager.default.createFile(atPath: dir.file(n), contents: Data("x".utf8)) }
        Store.removeAbandonedCopies(in: dir.path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(left == Set(names.dropFirst(4)))
    }
}
