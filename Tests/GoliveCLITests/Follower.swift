import Foundation
import GoliveTestSupport

/// A `golive events --follow` running in the background, its output gathered as it comes,
/// for a test to wait on (at most 30 s for each thing it waits for).
final class Follower: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    /// How many of its two pipes reached their end.
    private var closed = 0

    init(_ cli: CLI, _ arguments: [String]) throws {
        try WritePaths.check(arguments: arguments, folder: cli.home)
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["events", "--follow"] + arguments
        process.environment = ["HOME": cli.home, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.gather(handle, error: false)
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.gather(handle, error: true)
        }
        try process.run()
    }

    private func gather(_ handle: FileHandle, error: Bool) {
        let data = handle.availableData
        if data.isEmpty {
            handle.readabilityHandler = nil
            lock.withLock { closed += 1 }
            return
        }
        let text = String(decoding: data, as: UTF8.self)
        lock.withLock {
            if error {
                errText += text
            } else {
                outText += text
            }
        }
    }

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }

    /// The ids of the events printed so far, in the order printed.
    var ids: [Int] {
        out.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? Int
        }
    }

    /// Waits until `condition` holds, 30 s at most; whether it did.
    func waitFor(_ condition: (Follower) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if condition(self) { return true }
            usleep(20_000)
        }
        return condition(self)
    }

    /// Its exit status, once it ended by itself within 30 s; nil if it still runs.
    func exitStatus() -> Int32? {
        guard waitFor({ !$0.process.isRunning }) else { return nil }
        process.waitUntilExit()
        // What it wrote last may still be in the pipes.
        _ = waitFor { f in f.lock.withLock { f.closed == 2 } }
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
