import ArgumentParser
import Foundation
import GoliveDomain
import GoliveStore
import GoliveTerminal

extension Run {
    /// The team store beside the file, on the same portfolio: open → first frame (alternated
    /// with the file's, so both see the machine alike), saved actions, another machine's
    /// change → frame, and eight writers at once, every change they were told was saved
    /// looked for afterwards.
    func teamStore(
        _ url: String, golive: String, ids: [Int64], record: (String, String, [String: Any]) -> Void
    ) throws {
        let file = storePath(size)
        let team = try Store(path: url, mode: .create)
        let held = try team.accountCount()
        if held != size {
            guard held == 0 else {
                throw ValidationError("\(team.path) holds another portfolio (\(held) accounts): name an empty database")
            }
            let exported = "\(work)/bench-team-export.json"
            defer { unlink(exported) }
            let export = try runProcess(golive, ["export", "--store", file, "--output", exported])
            if export.code != 0 { throw ValidationError("export failed: \(export.err)") }
            let ms = try measure {
                let r = try runProcess(golive, ["restore", exported, "--store", url], keepingOutput: false)
                if r.code != 0 { throw ValidationError("restore into the team store failed: \(r.err)") }
            }
            record(
                "team store: restore of the \(size)-account export", String(format: "%.1f s", ms / 1000),
                ["team_restore_\(size)_s": ms / 1000])
        }
        let bench = binDir.appendingPathComponent("golive-bench").path
        func open(_ store: String) throws -> Double {
            let out = try runProcess(bench, ["open", "--store", store])
            guard let obj = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Double],
                let ms = obj["open_ms"]
            else { throw ValidationError("open failed: \(out.err)") }
            return ms
        }
        var teamOpens: [Double] = []
        var fileOpens: [Double] = []
        for _ in 0..<max(1, openRuns) {
            teamOpens.append(try open(url))
            fileOpens.append(try open(file))
        }
        record(
            "team store: open → first board frame, \(size) accounts / the file's, alternated",
            String(format: "%.0f / %.0f ms", percentile(teamOpens, 0.5), percentile(fileOpens, 0.5)),
            [
                "team_open_\(size)_ms": percentile(teamOpens, 0.5),
                "team_open_file_\(size)_ms": percentile(fileOpens, 0.5),
            ])

        let saved = try savedActions(team, on: ids)
        record(
            "team store: saved action (committed on the server), p50 / p99",
            String(format: "%.2f / %.2f ms", percentile(saved, 0.5), percentile(saved, 0.99)),
            ["team_action_p50_ms": percentile(saved, 0.5), "team_action_p99_ms": percentile(saved, 0.99)])

        // Another machine's commit reaches the board by the server's notification; the board
        // looks for one every tenth of a second (adding up to 100 ms to what is timed here).
        let session = Session(
            store: team,
            state: AppState(
                try Session.snapshot(team, user: "bench"), today: asOf, user: "bench", width: 120, height: 40))
        let renderer = Renderer(glyphs: Glyphs(unicode: true))
        _ = session.poll()
        let other = try Store(path: url, mode: .readWrite)
        var refreshes: [Double] = []
        for (k, id) in ids.prefix(20).enumerated() {
            try other.perform(
                .addNote(text: "bench team refresh \(k)", task: nil), on: id, who: "other", today: asOf, now: benchNow)
            let deadline = Date().addingTimeInterval(5)
            refreshes.append(
                try measure {
                    while !session.poll() {
                        if Date() > deadline {
                            throw ValidationError("another machine's change never reached the board")
                        }
                        usleep(200)
                    }
                    _ = renderer.render(session.state)
                })
        }
        record(
            "team store: another machine's change → frame, p50 / max",
            String(format: "%.1f / %.1f ms", percentile(refreshes, 0.5), refreshes.max() ?? 0),
            ["team_refresh_p50_ms": percentile(refreshes, 0.5), "team_refresh_max_ms": refreshes.max() ?? 0])

        // Eight writers at once, each its own process and connection.
        let before = try team.lastEventID()
        let writers = 8
        let each = writerActions
        let results = WriterResults(writers)
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            let r = try? runProcess(
                bench,
                ["write", "--store", url, "--actions", "\(each)", "--seed", "\(w + 1)", "--user", "bench-writer-\(w)"])
            results.set(w, (r?.code ?? -1, r?.out ?? "", r?.err ?? "cannot start"))
        }
        let seconds = Date().timeIntervalSince(started)
        let outputs = results.all
        var told = 0
        var missing = 0
        for w in 0..<writers {
            guard outputs[w].code == 0 else { throw ValidationError("writer \(w) failed: \(outputs[w].err)") }
            let ids = outputs[w].out.split(separator: "\n").compactMap { Int64($0) }
            told += ids.count
            let stored = Set(try team.eventIDs(by: "bench-writer-\(w)", after: before))
            missing += ids.filter { !stored.contains($0) }.count
        }
        record(
            "team store: \(writers) writers × \(each) actions at once: saved / lost, wall",
            String(format: "%d / %d, %.1f s", told, missing, seconds),
            ["team_writers_saved": told, "team_writers_lost": missing, "team_writers_s": seconds])
    }
}

/// What each concurrent writer process said, gathered from their threads.
private final class WriterResults: @unchecked Sendable {
    private var results: [(code: Int32, out: String, err: String)]
    private let lock = NSLock()

    init(_ count: Int) { results = Array(repeating: (-1, "", ""), count: count) }

    func set(_ index: Int, _ result: (code: Int32, out: String, err: String)) {
        lock.withLock { results[index] = result }
    }

    var all: [(code: Int32, out: String, err: String)] { lock.withLock { results } }
}
