import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

extension Run {
    func storePath(_ n: Int) -> String { "\(work)/bench-\(n)x\(tasksPerAccount).sqlite" }

    /// A seeded store of `n` accounts, reused across runs; the seconds seeding took when new.
    func ensureStore(_ n: Int) throws -> Double? {
        let path = storePath(n)
        if FileManager.default.fileExists(atPath: path) {
            // A store kept from an older golive is brought to the current schema first:
            // the timed opens are read-only, and a read-only open cannot migrate.
            _ = try Store(path: path, mode: .readWrite)
            return nil
        }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let golive = binDir.appendingPathComponent("golive").path
        var seconds = 0.0
        let ms = try measure {
            let status = try runProcess(
                golive,
                [
                    "seed", "--store", path, "--accounts", "\(n)", "--tasks-per-account", "\(tasksPerAccount)",
                    "--seed", "1", "--as-of", asOf.iso,
                ])
            if status.code != 0 { throw ValidationError("seeding failed: \(status.err)") }
        }
        seconds = ms / 1000
        return seconds
    }

    func machine() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }.map {
                String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
            } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }
}
