import Foundation
import GoliveTestSupport
import Testing

/// The benchmark harness runs at a tiny size on every test run so it never rots. It asserts
/// that every measurement was made, never how fast: the budgets are read from its figures.
struct BenchSmokeTests {
    @Test func theHarnessProducesEveryFigure() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let bench = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("golive-bench")
            .path
        try #require(FileManager.default.isExecutableFile(atPath: bench), "golive-bench is not built beside golive")
        let run = try spawnAndWait([
            bench, "--scales", "60", "--size", "60", "--tasks-per-account", "20", "--keys", "40", "--actions", "12",
            "--report-runs", "1", "--work", cli.file("work"), "--json", cli.file("bench.json"),
            "--team", try PostgresServer.shared.newDatabase(), "--writer-actions", "10",
        ])
        #expect(run.status == 0)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.file("bench.json"))))
            as! [String: Any]
        for key in [
            "seed_60_s", "open_60_ms", "peak_mb_60", "board_key_p50_ms", "board_key_p99_ms", "account_key_p99_ms",
            "action_p50_ms", "action_p99_ms", "refresh_p50_ms", "report_overdue_ms", "report_stalled_ms",
            "digest_csm_ms",
            "digest_team_ms",
        ] {
            #expect((json[key] as? Double).map { $0 > 0 } == true, "missing \(key)")
        }
        for key in ["team_open_60_ms", "team_action_p50_ms", "team_action_p99_ms", "team_refresh_p50_ms"] {
            #expect((json[key] as? Double).map { $0 > 0 } == true, "missing \(key)")
        }
        #expect(json["team_writers_saved"] as? Int == 80)
        #expect(json["team_writers_lost"] as? Int == 0)
        // Every account's stored facts were checked against its whole record, and held.
        #expect(json["verified_60"] as? Int == 60)
        if Tmux.available {
            #expect((json["terminal_bytes_per_key"] as? Double).map { $0 > 0 } == true)
            #expect((json["terminal_bytes_per_page_key"] as? Double).map { $0 > 0 } == true)
        }
    }
}
