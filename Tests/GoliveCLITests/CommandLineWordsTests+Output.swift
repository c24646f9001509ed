import Foundation
import GoliveDomain
import Testing

extension CommandLineWordsTests {
    @Test func everyDateOptionTakesTheBoardsFormsRelativeToAsOf() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        // 2027-01-06 is a Wednesday, after every change the seed made: the store can be changed as of it.
        let asOf = ["--store", store, "--as-of", "2027-01-06", "--format", "json"]
        let hold = try cli.run(["hold", "Orchid Systems", "waiting on legal", "--until", "fri"] + asOf)
        #expect(hold.status == 0, "\(hold.err)")
        #expect(hold.out.contains("\"after\":\"2027-01-08\""), "\(hold.out)")
        let task = try cli.run(
            ["task", "add", "Harbor Health", "Call the sponsor", "--owner", "Ana", "--due", "+2w"] + asOf)
        #expect(task.status == 0 && task.out.contains("2027-01-20"), "\(task.err)\(task.out)")
        let followUp = try cli.run(
            ["reviewed", "Harbor Health", "--next", "Check the sandbox", "--follow-up", "tomorrow"] + asOf)
        #expect(followUp.status == 0 && followUp.out.contains("2027-01-07"), "\(followUp.err)\(followUp.out)")
        let since = try cli.run([
            "report", "changes", "--store", store, "--as-of", "2027-01-06", "--since", "-1", "--format", "markdown",
        ])
        #expect(since.out.hasPrefix("# What changed since 2027-01-05\n"), "\(since.err)\(since.out.prefix(80))")
        #expect(since.out.contains("Orchid Systems"))
        // A negative day as the last argument, before the options; like +7, it counts from the
        // date being moved (01-20), as the board's d does.
        let earlier = try cli.run(["task", "due", "Harbor Health", "Call the sponsor", "-1w", "--only"] + asOf)
        #expect(earlier.status == 0 && earlier.out.contains("2027-01-13"), "\(earlier.err)\(earlier.out)")
        // The go-live a week later than it is, not a week after today.
        let later = try cli.run(["go-live", "Harbor Health", "+7", "--reason", "the customer asked"] + asOf)
        let moved = try #require(
            try JSONSerialization.jsonObject(with: Data(later.out.utf8)) as? [String: Any], "\(later.err)")
        let event = try #require(moved["event"] as? [String: Any])
        let before = try #require(Day(iso: event["before"] as? String ?? ""))
        #expect(event["after"] as? String == (before + 7).iso, "\(event)")
        let bad = try cli.run(["hold", "Orchid Systems", "x", "--until", "someday"] + asOf)
        #expect(bad.status == 1)
        #expect(
            bad.err
                == "golive: --until 'someday' is not a date (expected YYYY-MM-DD, 12-10, +7, -2, +2w, today, tomorrow or a weekday (fri))\n"
        )
        for command in [["hold"], ["task", "due"], ["reviewed"], ["report"], ["digest"], ["go-live"]] {
            let help = try cli.run(command + ["--help"])
            #expect(help.out.contains("+2w, today, tomorrow"), "\(command) --help does not give the date forms")
        }
    }

    @Test func tableReportsShowMoneyAsTheBoardDoesAndCutNothingWhenPiped() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let asOf = ["--store", store, "--as-of", "2026-11-22"]
        for kind in ["stalled", "portfolio", "overdue", "metrics"] {
            let r = try cli.run(["report", kind] + asOf)
            #expect(r.status == 0, "\(kind): \(r.err)")
            let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "\(kind): a line ends with spaces")
            #expect(!r.out.contains("…"), "\(kind): cut with … though piped")
        }
        let table = try cli.run(["report", "stalled"] + asOf)
        let csv = try cli.run(["report", "stalled", "--format", "csv"] + asOf)
        let orchid = table.out.split(separator: "\n").first { $0.hasPrefix("Orchid Systems") } ?? ""
        #expect(orchid.contains(" $127k "), "\(orchid)")
        #expect(!orchid.contains("126500"))
        #expect(csv.out.contains(",126500,"), "the CSV keeps the number for spreadsheets")
        // Every account's reasons in full, however long: some are over the 60 columns a terminal gets.
        let json = try cli.run(["report", "stalled", "--format", "json"] + asOf)
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]] ?? []
        let reasons = rows.compactMap { ($0["reasons"] as? [String])?.joined(separator: "; ") }
        #expect(!reasons.isEmpty && reasons.contains { $0.count > 60 })
        for reason in reasons {
            #expect(table.out.contains(reason), "cut: \(reason)")
        }
    }

    @Test func withoutUSERTheLoginComesFromThePasswordDatabase() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let login = try cli.runProgram("/usr/bin/id", ["-un"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!login.isEmpty)
        let r = try cli.runProgram(
            "/usr/bin/env",
            ["-u", "USER", CLI.binary, "note", "Harbor Health", "called", "--store", store, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("\"who\":\"\(login)\""), "\(r.out)")
        #expect(!r.out.contains("\"who\":\"unknown\""))
    }

    @Test func aCountOfOneReadsInTheSingular() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("one.sqlite")
        cli.write("one.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nSolo Co,Ana Souza,smb,12000,2026-11-02\n")
        let imported = try cli.run(["import", cli.file("one.csv"), "--store", store, "--as-of", "2026-11-20"])
        #expect(imported.out.hasPrefix("imported 1 account into "), "\(imported.out)\(imported.err)")
        let moved = try cli.run([
            "go-live", "Solo Co", "2027-03-01", "--reason", "customer asked", "--store", store, "--as-of", "2026-11-21",
        ])
        #expect(moved.status == 0, "\(moved.err)")
        let metrics = try cli.run(["--store", store, "--as-of", "2026-11-22", "--view", "metrics"])
        #expect(metrics.out.contains("(1 go-live moved, 2 dates moved)"), "\(metrics.out)")
        let exported = try cli.run(["export", "--store", store, "--output", cli.file("e.json")])
        #expect(exported.out.hasPrefix("exported 1 account and 2 events to "), "\(exported.out)")
        let seeded = try cli.run(["seed", "--store", cli.file("s.sqlite"), "--accounts", "1"])
        #expect(seeded.out.hasPrefix("seeded 1 account into "), "\(seeded.out)")
        let dry = try cli.run(["import", cli.file("one.csv"), "--store", cli.file("new.sqlite"), "--dry-run"])
        #expect(dry.out.contains("dry run: would import 1 account into a new store"), "\(dry.out)")
    }

    @Test func anImportedContractSignedAfterTodayIsRefusedWithItsLineAndNothingIsImported() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("p.sqlite")
        let header = "Account Name,CSM,Segment,ARR,Contract Signed\n"
        cli.write("won.csv", header + "Acme,Ana,smb,12000,2026-11-02\n")
        #expect(try cli.run(["import", cli.file("won.csv"), "--store", store, "--as-of", "2026-11-20"]).status == 0)
        let before = cli.bytes(store)
        let file = cli.write("later.csv", header + "Beta,Ana,smb,12000,2026-11-20\nGamma,Ana,smb,9000,2026-11-25\n")
        for dry in [[], ["--dry-run"]] {
            let r = try cli.run(["import", file, "--store", store, "--as-of", "2026-11-20"] + dry)
            #expect(r.status == 1)
            #expect(
                r.err
                    == "golive: \(file):3: column 'Contract Signed': 2026-11-25 is after today (2026-11-20): "
                    + "a contract is imported once signed\n")
            #expect(cli.bytes(store) == before)
        }
    }
}
