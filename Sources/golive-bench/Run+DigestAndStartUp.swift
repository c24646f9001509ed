import ArgumentParser
import Foundation

extension Run {
    /// The morning digest and start-up, whole processes each: what cron and every command
    /// pay, measured apart from the store's size where they can be.
    func digestAndStartUp(golive: String, csm: String, record: (String, String, [String: Any]) -> Void) throws {
        // The morning digest, whole processes: one CSM's (as cron runs it for each) and the team's.
        var digests: [Double] = []
        var teamDigests: [Double] = []
        for _ in 0..<max(1, reportRuns) {
            for (csmArgs, into) in [(["--csm", csm], 0), ([], 1)] {
                let ms = try measure {
                    let r = try runProcess(
                        golive, ["digest", "--store", storePath(size), "--as-of", asOf.iso] + csmArgs,
                        keepingOutput: false)
                    if r.code != 0 { throw ValidationError("digest failed: \(r.err)") }
                }
                if into == 0 { digests.append(ms) } else { teamDigests.append(ms) }
            }
        }
        record(
            "golive digest, whole process: one CSM's / the whole team's (median of \(digests.count))",
            String(format: "%.0f / %.0f ms", percentile(digests, 0.5), percentile(teamDigests, 0.5)),
            ["digest_csm_ms": percentile(digests, 0.5), "digest_team_ms": percentile(teamDigests, 0.5)])

        // Start-up: what every command pays before its work — the version, and a report on
        // a store of one account — medians of 15 processes.
        let tiny = "\(work)/bench-start-up.sqlite"
        for suffix in ["", "-wal", "-shm", ".lock"] { unlink(tiny + suffix) }
        _ = try runProcess(golive, ["seed", "--store", tiny, "--accounts", "1", "--as-of", asOf.iso])
        let versions = try (0..<15).map { _ in try measure { _ = try runProcess(golive, ["--version"]) } }
        let tinyReports = try (0..<15).map { _ in
            try measure { _ = try runProcess(golive, ["report", "overdue", "--store", tiny, "--as-of", asOf.iso]) }
        }
        for suffix in ["", "-wal", "-shm", ".lock"] { unlink(tiny + suffix) }
        record(
            "start-up: golive --version / report overdue on a one-account store, medians of 15",
            String(format: "%.1f / %.1f ms", percentile(versions, 0.5), percentile(tinyReports, 0.5)),
            ["start_up_version_ms": percentile(versions, 0.5), "start_up_report_ms": percentile(tinyReports, 0.5)])
    }
}
