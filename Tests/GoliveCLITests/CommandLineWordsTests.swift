import Foundation
import Testing

/// The command line takes the words a user types at the board, and answers a slip with
/// the nearest right word: the second round of "keys that never surprise" (issue 37).
@Suite(.serialized)
struct CommandLineWordsTests {
    @Test func helpForAnUnknownCommandNamesItAndIsAUsageProblem() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let r = try cli.run(["help", "nosuch"])
        #expect(r.status == 64)
        #expect(r.out.isEmpty)
        #expect(r.err.hasPrefix("golive: unknown command 'nosuch' (the commands: board, seed, report, "), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1)
        let near = try cli.run(["help", "reprot"])
        #expect(
            near.status == 64
                && near.err == "golive: unknown command 'reprot' (did you mean 'report'?) (golive --help)\n")
        let known = try cli.run(["help", "report"])
        #expect(known.status == 0 && known.out.contains("Print a report"), "\(known.err)")
    }

    @Test func aMistypedReportFormatOrScreenSuggestsTheNearestOne() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let cases: [([String], String)] = [
            (["report", "stalled", "--format", "tabel"], "unknown format 'tabel' (did you mean 'table'?)"),
            (["report", "stalld"], "unknown report 'stalld' (did you mean 'stalled'?)"),
            (["--view", "chnages"], "--view 'chnages' is not a screen (did you mean 'changes'?)"),
            (["report", "stalled", "--format", "pdf"], "unknown format 'pdf' (expected table, json, csv, markdown)"),
        ]
        for (args, message) in cases {
            let r = try cli.run(args + ["--store", store])
            #expect(r.status == 64 && r.err == "golive: \(message) (golive --help)\n", "\(args): \(r.err)")
        }
    }

    @Test func aMistypedCommandSuggestsTheNearestOneAsAMistypedOptionDoes() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = cli.bytes(store)
        let r = try cli.run(["reprot", "stalled", "--store", store])
        #expect(r.status == 64)
        #expect(r.err == "golive: unknown command 'reprot' (did you mean 'report'?) (golive --help)\n")
        let global = try cli.run(["--store", store, "reprot", "stalled"])
        #expect(global.err == r.err)
        let nested = try cli.run(["task", "stauts", "1", "x", "done", "--store", store])
        #expect(nested.status == 64)
        #expect(nested.err == "golive: unknown command 'task stauts' (did you mean 'task status'?) (golive --help)\n")
        #expect(cli.bytes(store) == before)
    }

    @Test func everyScreenWithADigitCanBeOpenedByNameAndARefusalListsThem() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let titles = [
            "board": " golive ", "stalled": "Stalled review", "agenda": "Agenda", "metrics": "Metrics",
            "changes": "Changes",
        ]
        for (view, title) in titles {
            let r = try cli.run(["--store", store, "--as-of", "2026-11-22", "--view", view])
            #expect(r.status == 0, "\(view): \(r.err)")
            let first = r.out.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.contains(title), "--view \(view) opened on: \(first)")
        }
        let titled = try cli.run(["--store", store, "--as-of", "2026-11-22", "--view", "stalled-review"])
        #expect(titled.out.hasPrefix(" Stalled review"), "\(titled.err)")
        let wrong = try cli.run(["--store", store, "--view", "history"])
        #expect(wrong.status == 64)
        #expect(
            wrong.err
                == "golive: --view 'history' is not a screen (expected board, stalled, agenda, metrics or changes) (golive --help)\n"
        )
    }

    @Test func everyCommandThatTakesAnAccountSuggestsTheNearestNames() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = cli.bytes(store)
        let expected = "golive: no account is named or numbered 'Orchid Sytems' (did you mean 'Orchid Systems' ("
        for args in [
            ["plan", "Orchid Sytems"], ["escalate", "Orchid Sytems", "no reply"], ["note", "Orchid Sytems", "hi"],
            ["reviewed", "Orchid Sytems"], ["task", "add", "Orchid Sytems", "Call", "--owner", "Ana", "--due", "+7"],
        ] {
            let r = try cli.run(args + ["--store", store])
            #expect(r.status == 1, "\(args)")
            #expect(r.err.hasPrefix(expected) && r.err.hasSuffix(")?)\n"), "\(args): \(r.err)")
        }
        let nothingNear = try cli.run(["escalate", "Zzyzx Quartz", "why", "--store", store])
        #expect(nothingNear.err == "golive: no account is named or numbered 'Zzyzx Quartz'\n")
        #expect(cli.bytes(store) == before)
    }
}
