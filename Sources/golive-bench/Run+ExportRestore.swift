import ArgumentParser
import Foundation

extension Run {
    /// Export and restore at `store`'s size beside their floors in the same run: `sqlite3
    /// .dump` of the same store, and `sqlite3` reading that dump into a new database. The
    /// restored store's export must be the first export byte for byte, or the run stops.
    func exportAndRestore(
        golive: String, store: String, runs: Int, record: (String, String, [String: Any]) -> Void
    ) throws {
        let exported = "\(work)/bench-export.json"
        let again = "\(work)/bench-export-again.json"
        let dump = "\(work)/bench-dump.sql"
        let restored = "\(work)/bench-restored.sqlite"
        let reloaded = "\(work)/bench-reloaded.sqlite"
        func remove(_ path: String) {
            for suffix in ["", "-wal", "-shm", ".lock"] { unlink(path + suffix) }
        }
        defer {
            for path in [exported, again, dump, restored, reloaded] { remove(path) }
        }
        func timed(_ program: String, _ args: [String]) throws -> (ms: Double, peakMB: Double) {
            var peak = 0.0
            let ms = try measure {
                let r = try runProcess(program, args, keepingOutput: false)
                if r.code != 0 { throw ValidationError("\(program) \(args.first ?? "") failed: \(r.err)") }
                peak = r.peakMB
            }
            return (ms, peak)
        }
        var exports: [(ms: Double, peakMB: Double)] = []
        var dumps: [Double] = []
        var restores: [(ms: Double, peakMB: Double)] = []
        var reloads: [Double] = []
        for _ in 0..<runs {
            exports.append(try timed(golive, ["export", "--store", store, "--output", exported, "--force"]))
            dumps.append(
                try measure {
                    let r = try runProcess("/bin/sh", ["-c", "sqlite3 '\(store)' .dump > '\(dump)'"])
                    if r.code != 0 { throw ValidationError("sqlite3 .dump failed: \(r.err)") }
                })
            remove(restored)
            restores.append(try timed(golive, ["restore", "--store", restored, exported]))
            remove(reloaded)
            reloads.append(
                try measure {
                    let r = try runProcess("/usr/bin/env", ["sqlite3", reloaded, ".read '\(dump)'"])
                    if r.code != 0 || !r.err.isEmpty { throw ValidationError("sqlite3 .read failed: \(r.err)") }
                })
        }
        _ = try timed(golive, ["export", "--store", restored, "--output", again, "--force"])
        guard FileManager.default.contentsEqual(atPath: exported, andPath: again) else {
            throw ValidationError("the restored store's export differs from the export it was restored from")
        }
        let size = Double((try? FileManager.default.attributesOfItem(atPath: exported)[.size] as? Int) ?? 0)
        // `measure` gives milliseconds; these run for seconds.
        let export = percentile(exports.map(\.ms), 0.5) / 1_000
        let dumpFloor = percentile(dumps, 0.5) / 1_000
        let restore = percentile(restores.map(\.ms), 0.5) / 1_000
        let reloadFloor = percentile(reloads, 0.5) / 1_000
        record(
            "export (\(Int(size / 1_000_000)) MB of JSON), median of \(runs) / its floor: sqlite3 .dump; peak",
            String(
                format: "%.1f / %.1f s (%.1f×); %.0f MB", export, dumpFloor, export / dumpFloor,
                exports.map(\.peakMB).max() ?? 0),
            ["export_s": export, "dump_s": dumpFloor, "export_peak_mb": exports.map(\.peakMB).max() ?? 0])
        record(
            "restore of that export, median of \(runs) / sqlite3 .dump, and sqlite3 reading the dump; peak",
            String(
                format: "%.1f s / %.1f s (%.1f×), %.1f s (%.1f×); %.0f MB", restore, dumpFloor, restore / dumpFloor,
                reloadFloor, restore / reloadFloor, restores.map(\.peakMB).max() ?? 0),
            ["restore_s": restore, "reload_s": reloadFloor, "restore_peak_mb": restores.map(\.peakMB).max() ?? 0])
    }
}
