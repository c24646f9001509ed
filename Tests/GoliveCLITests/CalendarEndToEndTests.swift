import Foundation
import GoliveDomain
import Testing

/// `golive calendar` read back by a maintained iCalendar library (Python's `icalendar`, as a
/// calendar program would read it), not by matching strings: every entry, its dates and
/// texts, stable UIDs from one run to the next, and hostile names intact.
struct CalendarEndToEndTests {
    /// Each VEVENT of `file` as the library reads it.
    static func parsed(_ cli: CLI, _ file: String) throws -> [[String: String]] {
        let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for e in cal.walk('VEVENT'):
                out.append({k: str(v) for k, v in {
                    'uid': e['UID'], 'summary': e['SUMMARY'], 'description': e['DESCRIPTION'],
                    'start': e['DTSTART'].dt.isoformat(), 'end': e['DTEND'].dt.isoformat(),
                    'category': e['CATEGORIES'].cats[0], 'sequence': e['SEQUENCE'],
                    'status': e.get('STATUS', '')}.items()})
            print(json.dumps(out))
            """
        // The real HOME: Python's environment (pyenv) is found through it.
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let r = try cli.runProgram("/usr/bin/env", ["python3", "-c", script, file], env: ["HOME": home])
        try #require(r.status == 0, "python3 and icalendar are needed (pip install icalendar): \(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: String]])
    }

    @Test func everyTouchpointCheckpointAndGoLiveIsAnEntryAndRunsAgainGiveTheSameUIDs() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let file = cli.file("team.ics")
        let r = try cli.run(["calendar", "--store", store, "--as-of", "2026-11-22", "--output", file, "--force"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("wrote the touchpoints, checkpoints and go-lives of "))
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let entries = try Self.parsed(cli, file)
        let uids = entries.map { $0["uid"] ?? "" }
        #expect(Set(uids).count == uids.count)
        let portfolio = try cli.run([
            "report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "json",
        ])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(portfolio.out.utf8)) as? [[String: Any]])
        let active = rows.filter { ($0["completed"] as? Bool) != true }
        let goLives = entries.filter { $0["category"] == "Go-live" }
        #expect(goLives.count == active.count)
        #expect(
            Set(goLives.compactMap { $0["summary"] })
                == Set(active.compactMap { ($0["account"] as? String).map { "\($0): go-live" } }))
        #expect(
            entries.contains { $0["category"] == "Touchpoint" } && entries.contains { $0["category"] == "Checkpoint" })
        for e in entries {
            let start = try #require(e["start"].flatMap { Day(iso: $0) }, "\(e)")
            #expect(e["end"] == (start + 1).iso, "\(e)")
            #expect(e["description"]?.contains("Account: ") == true)
        }
        // A new account adds its entries; every other keeps its UID: an import updates, never duplicates.
        cli.write("new.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nZephyr Ltd,Ana Souza,smb,9000,2026-11-22\n")
        #expect(try cli.run(["import", cli.file("new.csv"), "--store", store, "--as-of", "2026-11-22"]).status == 0)
        #expect(
            try cli.run(["calendar", "--store", store, "--as-of", "2026-11-22", "--output", file, "--force"]).status
                == 0)
        let again = try Self.parsed(cli, file)
        let added = Set(again.map { $0["uid"] ?? "" }).subtracting(uids)
        #expect(Set(uids).isSubset(of: Set(again.map { $0["uid"] ?? "" })))
        #expect(
            !added.isEmpty
                && again.filter { added.contains($0["uid"] ?? "") }.allSatisfy {
                    $0["summary"]?.hasPrefix("Zephyr Ltd:") == true
                })
    }

    @Test func namesWithCommasSemicolonsBackslashesAndLongTextComeBackExactly() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let name = "Ünïcødé, Inc; \\\\ \\\"Quoted\\\" 東京ロジスティクス Holdings with a name long enough to fold twice over"
        cli.write(
            "odd.csv",
            "Account Name,CSM,Segment,ARR,Contract Signed\n\"\(name.replacingOccurrences(of: "\\\"", with: "\"\""))\",Ana,smb,9000,2026-11-22\n"
        )
        let store = cli.file("odd.sqlite")
        let imported = try cli.run(["import", cli.file("odd.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(imported.status == 0, "\(imported.err)")
        let stored = try cli.run(["report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stored.out.utf8)) as? [[String: Any]])
        let account = try #require(rows.first?["account"] as? String)
        let file = cli.file("odd.ics")
        #expect(
            try cli.run([
                "calendar", "--store", store, "--as-of", "2026-11-22", "--output", file, "--force", "--csm", "ANA",
            ])
            .status == 0)
        let raw = try String(contentsOfFile: file, encoding: .utf8)
        #expect(raw.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let entries = try Self.parsed(cli, file)
        #expect(entries.contains { $0["summary"] == "\(account): go-live" }, "\(entries.map { $0["summary"] ?? "" })")
        #expect(entries.allSatisfy { $0["description"]?.hasPrefix("Account: \(account) (CSM Ana)") == true })
    }

    @Test func aCSMNoAccountHasIsRefusedAndNothingIsWritten() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try cli.run(["calendar", "--store", store, "--csm", "Nobody", "--output", cli.file("x.ics")])
        #expect(r.status != 0 && r.err.contains("no account has the CSM 'Nobody'"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.file("x.ics")))
    }
}
