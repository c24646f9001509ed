import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every measurement and print the results.")

    @Option(help: "Portfolio sizes (accounts) for open and memory, comma-separated.") var scales = "1000,10000,100000"
    @Option(help: "The size for keystrokes, actions, reports and terminal bytes.") var size = 10_000
    @Option(name: .customLong("tasks-per-account")) var tasksPerAccount = 50
    @Option(help: "Keystrokes to time on each screen.") var keys = 1000
    @Option(help: "Saved actions to time.") var actions = 1000
    @Option(help: "Runs of each report process.") var reportRuns = 3
    @Option(help: "Opens of each store (a process each).") var openRuns = 3
    @Flag(inversion: .prefixedNo, help: "Check every account's stored facts against its whole record at each scale.")
    var verify = true

    @Option(help: "Where stores are kept between runs (reused when present).") var work =
        NSTemporaryDirectory() + "golive-bench"
    @Option(help: "Write the results here as JSON.") var json: String?
    @Flag(help: "Skip the terminal-bytes measurement (needs tmux).") var skipTerminal = false
    @Option(
        help: ArgumentHelp(
            "A team store to measure beside the file at --size: an empty PostgreSQL database, filled once from the file.",
            valueName: "postgresql://…"))
    var team: String?
    @Option(help: "Actions each of the team store's eight concurrent writers makes.") var writerActions = 500

    var binDir: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    func run() throws {
        var results: [String: Any] = ["machine": machine(), "as_of": asOf.iso, "tasks_per_account": tasksPerAccount]
        var rows: [(String, String)] = []
        /// One line of the printed table, and its figures in the JSON by key.
        func record(_ label: String, _ text: String, _ figures: [String: Any] = [:]) {
            results.merge(figures) { _, new in new }
            rows.append((label, text))
        }
        let sizes = scales.split(separator: ",").compactMap { Int($0) }
        for n in Set(sizes + [size]).sorted() {
            if let s = try ensureStore(n) {
                results["seed_\(n)_s"] = s
                rows.append(("seed \(n) accounts × \(tasksPerAccount) tasks", String(format: "%.1f s", s)))
            }
        }
        for n in sizes {
            // Each open is its own process. The first finds the file wherever the system's
            // cache left it (this VM keeps little in it); the median is of all of them.
            var opens: [Double] = []
            var peak = 0.0
            for _ in 0..<max(1, openRuns) {
                let out = try runProcess(
                    binDir.appendingPathComponent("golive-bench").path, ["open", "--store", storePath(n)])
                guard let obj = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Double],
                    let openMS = obj["open_ms"], let peakMB = obj["peak_mb"]
                else {
                    throw ValidationError("open failed: \(out.err)")
                }
                opens.append(openMS)
                peak = max(peak, peakMB)
            }
            results["open_\(n)_ms"] = percentile(opens, 0.5)
            results["open_\(n)_first_ms"] = opens[0]
            results["peak_mb_\(n)"] = peak
            rows.append(
                (
                    "open → first board frame, \(n) accounts",
                    String(format: "%.0f ms (first of %d: %.0f ms)", percentile(opens, 0.5), opens.count, opens[0])
                ))
            rows.append(("peak memory, board open, \(n) accounts", String(format: "%.0f MB", peak)))

            // Each lead screen's first frame from a board just opened, a process each, and
            // the process's peak memory with it.
            var screens: [(ms: Double, mb: Double)] = []
            for key in ["2", "3", "4", "5"] {
                let out = try runProcess(
                    binDir.appendingPathComponent("golive-bench").path,
                    ["open", "--store", storePath(n), "--then", key])
                guard let obj = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Double],
                    let screenMS = obj["screen_ms"], let peakMB = obj["peak_mb"]
                else {
                    throw ValidationError("screen \(key) failed: \(out.err)")
                }
                results["screen_\(key)_\(n)_ms"] = screenMS
                results["screen_\(key)_\(n)_peak_mb"] = peakMB
                screens.append((screenMS, peakMB))
            }
            rows.append(
                (
                    "screens from the board, \(n) accounts: 2 stalled / 3 agenda / 4 metrics / 5 changes",
                    screens.map { String(format: "%.0f", $0.ms) }.joined(separator: " / ") + " ms; peak "
                        + screens.map { String(format: "%.0f", $0.mb) }.joined(separator: " / ") + " MB"
                ))
        }

        // The correctness of what was measured, at every scale.
        for n in sizes where verify {
            let out = try runProcess(
                binDir.appendingPathComponent("golive-bench").path, ["verify", "--store", storePath(n)])
            guard out.code == 0, let obj = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Int],
                let checked = obj["checked"], let wrong = obj["wrong"]
            else {
                throw ValidationError("facts check failed at \(n) accounts: \(out.out)\(out.err)")
            }
            results["verified_\(n)"] = checked
            rows.append(("facts = rules on whole accounts, \(n) accounts", "\(checked) checked, \(wrong) wrong"))
        }

        // Keystrokes at `size`: the update function and a full render, per key.
        let store = try Store(path: storePath(size), mode: .readWrite)
        let session = Session(
            store: store,
            state: AppState(
                try Session.snapshot(store, user: "bench"), today: asOf, user: "bench", width: 120, height: 40))
        let renderer = Renderer(glyphs: Glyphs(unicode: true))
        func timeKeys(_ script: [Key]) -> [Double] {
            script.map { k in
                measure {
                    session.send(.key(k))
                    _ = renderer.render(session.state)
                }
            }
        }
        let boardScript: [Key] = (0..<keys).map { i in
            switch i % 20 {
            case 0: .pageDown
            case 1: .pageUp
            case 7: .char("s")
            case 13: .char("/")
            case 14: .char("a")
            case 15: .escape
            default: i % 2 == 0 ? .char("j") : .char("k")
            }
        }
        let board = timeKeys(boardScript)
        results["board_key_p50_ms"] = percentile(board, 0.5)
        results["board_key_p99_ms"] = percentile(board, 0.99)
        rows.append(
            (
                "keystroke → frame, board, p50 / p99",
                String(format: "%.2f / %.2f ms", percentile(board, 0.5), percentile(board, 0.99))
            ))
        // The same keys split: moving, versus re-sorting or re-filtering the whole portfolio.
        let reorders = Set([7, 13, 14, 15])
        let moves = board.enumerated().filter { !reorders.contains($0.offset % 20) }.map(\.element)
        let reorder = board.enumerated().filter { reorders.contains($0.offset % 20) }.map(\.element)
        results["board_move_p99_ms"] = percentile(moves, 0.99)
        results["board_reorder_p99_ms"] = percentile(reorder, 0.99)
        rows.append(("  of which moves (j k PgUp PgDn), p99", String(format: "%.2f ms", percentile(moves, 0.99))))
        rows.append(
            ("  of which sort / filter keys (s / a Esc), p99", String(format: "%.2f ms", percentile(reorder, 0.99))))
        session.send(.key(.char("1")))
        session.send(.key(.char("g")))
        session.send(.key(.enter))
        let accountScript: [Key] = (0..<keys).map { i in
            [.char("j"), .char("j"), .char("k"), .tab, .char("]"), .backTab, .char("["), .char("k")][i % 8]
        }
        let account = timeKeys(accountScript)
        results["account_key_p50_ms"] = percentile(account, 0.5)
        results["account_key_p99_ms"] = percentile(account, 0.99)
        rows.append(
            (
                "keystroke → frame, account, p50 / p99",
                String(format: "%.2f / %.2f ms", percentile(account, 0.5), percentile(account, 0.99))
            ))

        // Saved actions: durable commits through the store, as the terminal makes them —
        // which leaves checkpoints to idle moments (one after every 50 actions here).
        try store.deferCheckpoints()
        let ids = Array(session.state.visible.prefix(200))
        let saved = try savedActions(store, on: ids)
        results["action_p50_ms"] = percentile(saved, 0.5)
        results["action_p99_ms"] = percentile(saved, 0.99)
        rows.append(
            (
                "saved action (durable), p50 / p99",
                String(format: "%.2f / %.2f ms", percentile(saved, 0.5), percentile(saved, 0.99))
            ))

        // Live refresh: another process commits one change; the board's next poll brings it in.
        let other = try Store(path: storePath(size), mode: .readWrite)
        var refreshes: [Double] = []
        for (k, id) in ids.prefix(20).enumerated() {
            try other.perform(
                .addNote(text: "bench refresh \(k)", task: nil), on: id, who: "other", today: asOf, now: benchNow)
            refreshes.append(
                measure {
                    session.poll()
                    _ = renderer.render(session.state)
                })
        }
        try store.checkpoint()  // the board idles after the refreshes, as it would
        results["refresh_p50_ms"] = percentile(refreshes, 0.5)
        results["refresh_max_ms"] = refreshes.max() ?? 0
        rows.append(
            (
                "another process's change → frame, p50 / max",
                String(format: "%.2f / %.2f ms", percentile(refreshes, 0.5), refreshes.max() ?? 0)
            ))

        // Reports as whole processes. The overdue report alternates with its floor — its
        // query in the sqlite3 shell printing JSON, on the same store — so each pair sees the
        // machine alike (a shared VM's speed drifts within a run); the ratio is the pairs'
        // median.
        let golive = binDir.appendingPathComponent("golive").path
        var floor: [Double] = []
        var ratios: [Double] = []
        for kind in ["overdue", "stalled", "metrics", "portfolio"] {
            var times: [Double] = []
            for _ in 0..<max(1, reportRuns) {
                times.append(
                    try measure {
                        let r = try runProcess(
                            golive,
                            ["report", kind, "--store", storePath(size), "--as-of", asOf.iso, "--format", "json"],
                            keepingOutput: false)
                        if r.code != 0 { throw ValidationError("report \(kind) failed: \(r.err)") }
                    })
                guard kind == "overdue" else { continue }
                floor.append(
                    try measure {
                        let r = try runProcess(
                            "/usr/bin/env", ["sqlite3", "-json", storePath(size), Store.overdueSQL(asOf: asOf)],
                            keepingOutput: false)
                        if r.code != 0 { throw ValidationError("sqlite3 failed: \(r.err)") }
                    })
                ratios.append((times.last ?? 0) / max(0.001, floor.last ?? 0))
            }
            results["report_\(kind)_ms"] = percentile(times, 0.5)
            rows.append(
                (
                    "golive report \(kind), whole process (median of \(times.count))",
                    String(format: "%.0f ms", percentile(times, 0.5))
                ))
        }
        results["report_overdue_floor_ms"] = percentile(floor, 0.5)
        results["report_overdue_ratio"] = percentile(ratios, 0.5)
        rows.append(
            (
                "its floor: the same query in the sqlite3 shell (-json), alternated with it",
                String(
                    format: "%.0f ms (golive: %.2f×, median of the pairs)", percentile(floor, 0.5),
                    percentile(ratios, 0.5))
            ))

        try digestAndStartUp(golive: golive, csm: try store.csms().first ?? "", record: record)

        // Importing a CRM's CSV of 1,000 accounts into a copy of the store (brought to this
        // schema first, outside the measured span), beside its floor: seeding 1,000 accounts
        // of 50 tasks into a new store, the same rows' work without the store around them.
        let importCopy = "\(work)/bench-import-copy.sqlite"
        let csv = "\(work)/bench-import-1000.csv"
        var csvText = "Account Name,CSM,Segment,ARR,Contract Signed,Target Go-Live,Sales Owner\n"
        for i in 0..<1000 {
            let segment = ["enterprise", "mid-market", "smb"][i % 3]
            csvText += "Bench Import \(i),Dana Okafor,\(segment),\(20_000 + i * 100),2026-11-10,2027-01-15,Sam Lee\n"
        }
        try csvText.write(toFile: csv, atomically: true, encoding: .utf8)
        var imports: [Double] = []
        var seeds: [Double] = []
        for _ in 0..<3 {
            for suffix in ["", "-wal", "-shm"] { unlink(importCopy + suffix) }
            try FileManager.default.copyItem(atPath: storePath(size), toPath: importCopy)
            _ = try runProcess(golive, ["report", "overdue", "--store", importCopy, "--as-of", asOf.iso])
            imports.append(
                try measure {
                    let r = try runProcess(golive, ["import", csv, "--store", importCopy, "--as-of", asOf.iso])
                    if r.code != 0 { throw ValidationError("import failed: \(r.err)") }
                })
            let seeded = "\(work)/bench-seed-1000.sqlite"
            for suffix in ["", "-wal", "-shm", ".lock"] { unlink(seeded + suffix) }
            seeds.append(
                try measure {
                    let r = try runProcess(
                        golive,
                        [
                            "seed", "--store", seeded, "--accounts", "1000", "--tasks-per-account",
                            "\(tasksPerAccount)",
                            "--as-of", asOf.iso,
                        ], keepingOutput: false)
                    if r.code != 0 { throw ValidationError("seed failed: \(r.err)") }
                })
        }
        for suffix in ["", "-wal", "-shm", ".lock"] { unlink(importCopy + suffix) }
        record(
            "import of a 1,000-row CSV into the \(size)-account store, median of 3 / its floor: seed 1,000",
            String(format: "%.0f / %.0f ms", percentile(imports, 0.5), percentile(seeds, 0.5)),
            ["import_1000_ms": percentile(imports, 0.5), "seed_1000_ms": percentile(seeds, 0.5)])

        try exportAndRestore(golive: golive, store: storePath(size), runs: reportRuns, record: record)

        // The metrics screen: from the key to the first frame of figures, in line. A
        // session's first visit reads every account's metric facts; a visit after another
        // user changed 20 accounts reads only those again.
        var firstVisits: [Double] = []
        var revisits: [Double] = []
        var afterIdle: [Double] = []
        func leadSession() throws -> Session {
            let s = Session(
                store: store, state: AppState(try Session.snapshot(store, user: "bench"), today: asOf, user: "bench"))
            s.send(.resize(width: 120, height: 40))
            return s
        }
        func changeTwentyElsewhere(_ text: String) throws {
            for id in ids.suffix(20) {
                try other.perform(.addNote(text: text, task: nil), on: id, who: "other", today: asOf, now: benchNow)
            }
        }
        func metricsFrame(_ s: Session) -> Double {
            measure {
                s.press(.char("4"))
                _ = renderer.render(s.state)
            }
        }
        for k in 0..<5 {
            let lead = try leadSession()
            firstVisits.append(metricsFrame(lead))
            lead.press(.char("1"))
            try changeTwentyElsewhere("bench metrics \(k)")
            revisits.append(metricsFrame(lead))
            // The board left alone for a second reads the metric facts ahead (off the key
            // path on the terminal; in line here, outside the measured span), and then 20
            // accounts change elsewhere before the first `4`.
            let idle = try leadSession()
            idle.readAhead()
            try changeTwentyElsewhere("bench ahead \(k)")
            afterIdle.append(metricsFrame(idle))
        }
        record(
            "metrics screen: 4 → first frame of figures, first visit / after 20 changed elsewhere, p50 of 5",
            String(format: "%.0f / %.0f ms", percentile(firstVisits, 0.5), percentile(revisits, 0.5)),
            [
                "metrics_screen_first_frame_ms": percentile(firstVisits, 0.5),
                "metrics_screen_revisit_ms": percentile(revisits, 0.5),
            ])
        record(
            "  first visit after the board sat idle 1 s (read ahead), 20 changed since, p50 of 5",
            String(format: "%.0f ms", percentile(afterIdle, 0.5)),
            ["metrics_screen_first_frame_after_idle_ms": percentile(afterIdle, 0.5)])

        // The agenda: from `3` to its first frame (every unfinished task due by the week's
        // end, a third of them or more overdue at this size), beside its floor — its queries
        // in the sqlite3 shell on the same store, alternated with it — and keys on it.
        var agendaOpens: [Double] = []
        var agendaFloor: [Double] = []
        for _ in 0..<5 {
            let lead = try leadSession()
            agendaOpens.append(
                measure {
                    lead.press(.char("3"))
                    _ = renderer.render(lead.state)
                })
            agendaFloor.append(
                try measure {
                    let r = try runProcess(
                        "/usr/bin/env", ["sqlite3", storePath(size), Store.agendaSQL(through: asOf + 6)],
                        keepingOutput: false)
                    if r.code != 0 { throw ValidationError("sqlite3 failed: \(r.err)") }
                })
        }
        let agendaLead = try leadSession()
        agendaLead.press(.char("3"))
        let agendaItems = agendaLead.state.agenda.count
        let agendaScript: [Key] = (0..<keys).map { i in
            switch i % 25 {
            case 0: .pageDown
            case 1: .pageUp
            case 12: .char("G")
            case 13: .char("g")
            default: i % 2 == 0 ? .char("j") : .char("k")
            }
        }
        // Each key of the script sent to a lead's screen and the frame drawn, timed.
        func leadKeys(_ lead: Session) -> [Double] {
            agendaScript.map { k in
                measure {
                    lead.send(.key(k))
                    _ = renderer.render(lead.state)
                }
            }
        }
        let agendaKeys = leadKeys(agendaLead)
        record(
            "agenda: 3 → first frame (\(agendaItems) items), p50 of 5 / its queries in sqlite3",
            String(format: "%.0f / %.0f ms", percentile(agendaOpens, 0.5), percentile(agendaFloor, 0.5)),
            [
                "agenda_open_ms": percentile(agendaOpens, 0.5), "agenda_floor_ms": percentile(agendaFloor, 0.5),
                "agenda_items": agendaItems,
            ])
        record(
            "keystroke → frame, agenda, p50 / p99",
            String(format: "%.2f / %.2f ms", percentile(agendaKeys, 0.5), percentile(agendaKeys, 0.99)),
            ["agenda_key_p50_ms": percentile(agendaKeys, 0.5), "agenda_key_p99_ms": percentile(agendaKeys, 0.99)])

        // Keys on the Changes screen: a week's changes are most accounts at this size.
        let changesLead = try leadSession()
        changesLead.press(.char("5"))
        let changed = changesLead.state.changes.count
        let changesKeys = leadKeys(changesLead)
        record(
            "keystroke → frame, Changes screen (\(changed) accounts), p50 / p99",
            String(format: "%.2f / %.2f ms", percentile(changesKeys, 0.5), percentile(changesKeys, 0.99)),
            ["changes_key_p50_ms": percentile(changesKeys, 0.5), "changes_key_p99_ms": percentile(changesKeys, 0.99)])

        if let team { try teamStore(team, golive: golive, ids: ids, record: record) }

        if !skipTerminal {
            if let (line, page) = try terminalBytes(golive: golive, store: storePath(size)) {
                results["terminal_bytes_per_key"] = line
                results["terminal_bytes_per_page_key"] = page
                rows.append(("terminal bytes per navigation key (100 × j/k, tmux)", String(format: "%.0f B", line)))
                rows.append(("terminal bytes per page key (20 × PgDn/PgUp, tmux)", String(format: "%.0f B", page)))
            } else {
                rows.append(("terminal bytes per navigation key", "skipped: no tmux"))
            }
        }

        let width = rows.map { Text.width($0.0) }.max() ?? 10
        print("golive-bench — \(results["machine"] as? String ?? "")")
        for (k, v) in rows { print(Text.pad(k, to: width) + "  " + v) }
        let data = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
        if let json { try data.write(to: URL(fileURLWithPath: json)) }
    }
}
