import Foundation
import Testing

/// The command line contract, through the real binary: what a script or cron job sees.
@Suite(.serialized)
struct CommandLineTests {
    let asOf = ["--as-of", "2026-11-22"]

    @Test func seedReportExportAndRestoreWorkTogether() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("p.sqlite")
        let seeded = try cli.run(["seed", "--store", store, "--accounts", "30", "--seed", "5"] + asOf)
        #expect(seeded.status == 0 && seeded.out.hasPrefix("seeded 30 accounts into \(store)"))
        for kind in ["stalled", "overdue", "metrics", "portfolio"] {
            for format in ["table", "json", "csv", "markdown"] {
                let r = try cli.run(["report", kind, "--format", format, "--store", store] + asOf)
                #expect(r.status == 0 && !r.out.isEmpty && r.err.isEmpty, "\(kind) \(format): \(r.err)")
            }
        }
        #expect(try cli.run(["export", "--store", store, "--output", cli.file("1.json")]).status == 0)
        let restored = try cli.run(["restore", cli.file("1.json"), "--store", cli.file("copy.sqlite")])
        #expect(restored.status == 0 && restored.out.hasPrefix("restored 30 accounts"))
        let again = try cli.run(["export", "--store", cli.file("copy.sqlite")])
        #expect(Data(again.out.utf8) == cli.bytes(cli.file("1.json")))
    }

    @Test func metricsComparePeriodsAndRefuseAPeriodElsewhere() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let month = try cli.run(["report", "metrics", "--store", store, "--as-of", "2026-11-22", "--period", "month"])
        #expect(month.status == 0, "\(month.err)")
        #expect(month.out.contains("This month against the last: 2026-11 (signed 2026-11-01 – 2026-11-22, so far)"))
        let elsewhere = try cli.run(["report", "stalled", "--store", store, "--period", "month"])
        #expect(elsewhere.status != 0 && elsewhere.err.contains("--period is for `report metrics` only"))
        let bad = try cli.run(["report", "metrics", "--store", store, "--period", "year"])
        #expect(bad.status != 0 && bad.err.contains("--period 'year' is not a period"), "\(bad.err)")
    }

    @Test func theStoreComesFromTheEnvironmentAndTodayCanBePinnedThere() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let env = ["GOLIVE_STORE": cli.file("env.sqlite"), "GOLIVE_TODAY": "2026-11-22"]
        #expect(try cli.run(["seed", "--accounts", "3"], env: env).status == 0)
        let a = try cli.run(["report", "portfolio", "--format", "json"], env: env)
        let b = try cli.run(["report", "portfolio", "--format", "json", "--store", cli.file("env.sqlite")] + asOf)
        #expect(a.status == 0 && a.out == b.out)
        let info = try cli.run(["info"], env: env)
        #expect(
            info.out.contains("store:      \(cli.file("env.sqlite"))") && info.out.contains("today:      2026-11-22"))
        #expect(
            info.out.contains("playbooks:  \(cli.home)/config/golive/playbooks")
                && info.out.contains("user:       tester"))
    }

    @Test func theDefaultStoreLivesInTheXDGDataFolder() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        #expect(try cli.run(["seed", "--accounts", "2"] + asOf).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.home + "/data/golive/portfolio.sqlite"))
    }

    @Test func theDemoIsSeededOnFirstUseAndKeptAfterwards() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let first = try cli.run(["--demo"] + asOf)
        #expect(first.status == 0 && first.out.contains("30 accounts"), "\(first.err)")
        let demo = cli.home + "/data/golive/demo.sqlite"
        let before = cli.bytes(demo)
        #expect(try cli.run(["--demo"] + asOf).status == 0)
        #expect(cli.bytes(demo) == before)
    }

    @Test func csvImportIsAllOrNothingAndNamesTheLine() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("p.sqlite")
        let header = "Account Name,CSM,Segment,ARR,Contract Signed,Target Go-Live\n"
        cli.write(
            "good.csv", header + "Acme,Ana,enterprise,120000,2026-11-01,2027-01-15\nBeta,Bo,smb,5000,2026-11-10,\n")
        let ok = try cli.run(["import", cli.file("good.csv"), "--store", store])
        #expect(ok.status == 0 && ok.out.contains("imported 2 accounts"), "\(ok.err)")
        let before = cli.bytes(store)
        cli.write("bad.csv", header + "Gamma,Ana,smb,1,2026-11-01,\nDelta,Ana,smb,-7,2026-11-01,\n")
        let bad = try cli.run(["import", cli.file("bad.csv"), "--store", store])
        #expect(bad.status == 1)
        #expect(bad.err == "golive: \(cli.file("bad.csv")):3: column 'ARR': ARR cannot be negative (-7)\n")
        #expect(cli.bytes(store) == before)
        let dry = try cli.run(["import", cli.file("good.csv"), "--store", cli.file("new.sqlite"), "--dry-run"])
        #expect(
            dry.status == 0 && dry.out.contains("dry run")
                && !FileManager.default.fileExists(atPath: cli.file("new.sqlite")))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var args: [String]
        var message: String
        var testDescription: String { args.joined(separator: " ") }
    }
    static let refusals: [Refusal] = [
        .init(
            args: ["report", "stalled", "--as-of", "22/11/2026"],
            message: "--as-of '22/11/2026' is not a date (expected YYYY-MM-DD, 12-10, +7"),
        .init(args: ["seed", "--accounts", "0"], message: "--accounts must be at least 1 (got 0)"),
        .init(
            args: ["seed", "--accounts", "5", "--tasks-per-account=-3"],
            message: "--tasks-per-account must be between 1 and 1000"),
        .init(args: ["report", "everything"], message: "unknown report 'everything'"),
        .init(args: ["report", "stalled", "--format", "xml"], message: "unknown format 'xml'"),
        .init(args: ["report", "stalled", "--colour"], message: "golive: unknown option '--colour' (golive --help)"),
        .init(
            args: ["report", "stalled", "--store", "nonexistent/dir/x.sqlite"],
            message: "golive: no store at nonexistent/dir/x.sqlite"),
        .init(args: ["playbook", "show", "nope"], message: "golive: unknown playbook 'nope'"),
    ]

    @Test(arguments: refusals)
    func badCommandLinesAreRefusedInOneLine(_ r: Refusal) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let res = try cli.run(r.args)
        #expect(res.status != 0)
        #expect(res.err.contains(r.message), "got: \(res.err)")
        #expect(!res.err.contains("Fatal error") && !res.err.contains("Stack"))
        #expect(!FileManager.default.fileExists(atPath: cli.home + "/data/golive/portfolio.sqlite"))
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftAlone() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let path = cli.write("notes.sqlite", "just some notes\n")
        for args in [["report", "stalled", "--store", path], ["seed", "--accounts", "1", "--store", path]] {
            let r = try cli.run(args)
            #expect(r.status == 1 && r.err == "golive: \(path) is not a golive store (not a SQLite database)\n")
        }
        #expect(cli.bytes(path) == Data("just some notes\n".utf8))
    }

    @Test func seedingRefusesAStoreThatAlreadyHoldsAPortfolio() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("p.sqlite")
        #expect(try cli.run(["seed", "--accounts", "2", "--store", store] + asOf).status == 0)
        let before = cli.bytes(store)
        let again = try cli.run(["seed", "--accounts", "2", "--store", store] + asOf)
        #expect(again.status == 1 && again.err.contains("is not empty"))
        #expect(cli.bytes(store) == before)
    }

    @Test func playbooksAreListedShownAndChecked() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let list = try cli.run(["playbook", "list"])
        #expect(list.out.contains("enterprise-high-touch") && list.out.contains("smb-tech-touch"))
        let show = try cli.run(["playbook", "show", "smb-tech-touch"])
        #expect(show.status == 0 && show.out.contains("Go-live approval") && show.out.contains("[approval]"))
        let bad = cli.write(
            "bad.yaml",
            """
            name: x
            stages:
              - {key: a, name: A, sla: 1}
            tasks:
              - {key: t, title: T, lane: partner, owner: csm, due: 1, checkpoint: c}

            """)
        let check = try cli.run(["playbook", "check", bad])
        #expect(
            check.status == 1
                && check.err
                    == "golive: \(bad):5: tasks[0]: unknown lane 'partner' (expected internal, customer or approval)\n"
        )
        let dir = try cli.run(["playbook", "check", cli.home])
        #expect(dir.status == 1 && dir.err.contains("is a directory"))
        // A broken playbook in the user's folder is named, not skipped.
        try FileManager.default.createDirectory(
            atPath: cli.home + "/config/golive/playbooks", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bad, toPath: cli.home + "/config/golive/playbooks/bad.yaml")
        let listed = try cli.run(["playbook", "list"])
        #expect(listed.status == 1 && listed.err.contains("bad.yaml:5: tasks[0]: unknown lane 'partner'"))
    }

    @Test func aKeyConflictOrABadThemeIsRefusedBeforeTheBoardStarts() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("p.sqlite")
        #expect(try cli.run(["seed", "--store", store, "--accounts", "2"] + asOf).status == 0)
        try FileManager.default.createDirectory(atPath: cli.home + "/config/golive", withIntermediateDirectories: true)
        let keys = cli.write("config/golive/keys.yaml", "# my keys\nescalate: x\n")
        let conflict = try cli.run(["--store", store] + asOf)
        #expect(
            conflict.status == 1
                && conflict.err == "golive: \(keys):2: key 'x' is bound to both toggle-done and escalate\n")
        try FileManager.default.removeItem(atPath: keys)
        let theme = cli.write("bad-theme.yaml", "name: bad\nroles:\n  rag.red: {fg: \"#12345\"}\n")
        let bad = try cli.run(["--store", store, "--theme", theme] + asOf)
        #expect(
            bad.status == 1
                && bad.err.hasPrefix(
                    "golive: \(theme):3: roles.rag.red.fg: '#12345' is neither a palette name nor a colour")
        )
        let check = try cli.run(["theme", "check", theme])
        #expect(check.status == 1 && check.err.contains(":3:"))
        let unknown = try cli.run(["--store", store, "--theme", "sepia"] + asOf)
        #expect(
            unknown.status == 1
                && unknown.err.contains("sepia: no such theme (available: default, deuteranopia, high-contrast, mono)"))
        let list = try cli.run(["theme", "list"])
        #expect(list.status == 0 && list.out.contains("deuteranopia"))
    }

    @Test func withoutATerminalTheBoardIsPrintedOnceAsText() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("p.sqlite")
        #expect(try cli.run(["seed", "--store", store, "--accounts", "12"] + asOf).status == 0)
        let r = try cli.run(["--store", store] + asOf, env: ["COLUMNS": "100"])
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(r.status == 0 && lines.count == 16 && lines[1].contains("RAG▾S ! * ACCOUNT"))
        #expect(!r.out.contains("\u{1B}"))
    }
}
