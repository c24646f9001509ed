import Foundation
import Testing

/// The conventions users of git and kubectl expect of a command line.
@Suite(.serialized)
struct CommandLineConventionsTests {
    @Test func optionsEveryCommandTakesMayComeBeforeTheSubcommand() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try cli.run(["--store", store, "--as-of", "2026-11-22", "report", "stalled", "--format", "csv"])
        let after = try cli.run(["report", "stalled", "--format", "csv", "--store", store, "--as-of", "2026-11-22"])
        #expect(before.status == 0 && !before.out.isEmpty, "\(before.err)")
        #expect(before.out == after.out)
        let equals = try cli.run(["--store=\(store)", "--as-of=2026-11-22", "report", "stalled", "--format", "csv"])
        #expect(equals.out == after.out)
    }

    @Test func helpShowsTheBoardsOwnOptions() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        for option in ["--demo", "--view", "--read-only", "--theme", "--store", "report", "import"] {
            #expect(help.out.contains(option), "golive --help does not mention \(option)")
        }
    }

    @Test func withoutATerminalAMissingStoreIsSaidAndNoEmptyStoreIsMade() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let path = cli.file("missing.sqlite")
        let r = try cli.run(["--store", path])
        #expect(r.status != 0)
        #expect(r.err == "golive: no store at \(path) (create one with `golive seed` or `golive import`)\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        let plain = try cli.run([])
        #expect(plain.status != 0 && plain.err.hasPrefix("golive: no store at "))
        #expect(!FileManager.default.fileExists(atPath: cli.home + "/data/golive/portfolio.sqlite"))
    }

    @Test func exportWritesAPrivateFileRefusesToOverwriteAndSaysWhatItWrote() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let out = cli.file("export.json")
        let first = try cli.run(["export", "--store", store, "--output", out])
        #expect(first.status == 0)
        #expect(first.out.hasPrefix("exported 40 accounts and ") && first.out.hasSuffix(" events to \(out)\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let written = cli.bytes(out)
        let again = try cli.run(["export", "--store", store, "--output", out])
        #expect(again.status != 0 && again.err == "golive: \(out) exists: nothing was written (--force replaces it)\n")
        #expect(cli.bytes(out) == written)
        #expect(try cli.run(["export", "--store", store, "--output", out, "--force"]).status == 0)
    }

    @Test func aReportForACSMNoAccountHasSaysSo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try cli.run(["report", "stalled", "--store", store, "--csm", "Nobody"])
        #expect(r.status != 0)
        #expect(r.err.hasPrefix("golive: no account has the CSM 'Nobody' (the CSMs: ") && r.err.contains("Ana Souza"))
        let known = try cli.run(["report", "stalled", "--store", store, "--csm", "ana souza", "--as-of", "2026-11-22"])
        #expect(known.status == 0)
    }

    @Test func metricsAsCSVAreNumbersASpreadsheetCanUse() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try cli.run(["report", "metrics", "--store", store, "--as-of", "2026-11-22", "--format", "csv"])
        let lines = r.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.first?.contains("time_to_first_value_low") == true)
        for row in lines.dropFirst() {
            for cell in row.dropFirst() {
                #expect(cell.isEmpty || Double(cell) != nil, "not a number: \(cell) in \(row)")
            }
        }
    }
}

extension CommandLineConventionsTests {
    /// `--yaml` prints a built-in playbook as a file: saved and checked, it is a valid start
    /// for one's own, and it is the same playbook.
    @Test func playbookShowYAMLPrintsAFileToStartOnesOwnFrom() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let yaml = try cli.run(["playbook", "show", "enterprise-high-touch", "--yaml"])
        #expect(yaml.status == 0 && yaml.out.hasPrefix("name: enterprise-high-touch\n"))
        let path = cli.write("mine.yaml", yaml.out)
        let check = try cli.run(["playbook", "check", path])
        #expect(check.status == 0 && check.out.contains("ok — playbook 'enterprise-high-touch'"), "\(check.err)")
        let shown = try cli.run(["playbook", "show", "enterprise-high-touch"])
        _ = cli.write("config/golive/playbooks/enterprise-high-touch.yaml", yaml.out)
        let fromFile = try cli.run(["playbook", "show", "enterprise-high-touch"])
        #expect(fromFile.out == shown.out)
    }
}

extension CommandLineConventionsTests {
    /// Runs the generated bash completion function on a command line, as bash does on Tab.
    func complete(_ cli: CLI, _ words: [String]) throws -> [String] {
        let script = try cli.run(["--generate-completion-script", "bash"])
        let path = cli.write("golive.bash", script.out)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let harness = """
            source '\(path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]}-1))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _golive golive "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let dir = (CLI.binary as NSString).deletingLastPathComponent
        let env = ["PATH": dir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let r = try cli.runProgram("/bin/bash", ["-c", harness], env: env)
        return r.out.split(separator: "\n").map(String.init)
    }

    @Test func shellCompletionOffersReportsFormatsViewsThemesAndPlaybooks() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        #expect(
            try complete(cli, ["golive", "report", ""]) == ["stalled", "overdue", "metrics", "portfolio", "changes"])
        #expect(
            try complete(cli, ["golive", "report", "stalled", "--format", ""]) == ["table", "json", "csv", "markdown"])
        #expect(try complete(cli, ["golive", "board", "--view", "st"]) == ["stalled"])
        #expect(try complete(cli, ["golive", "board", "--theme", "h"]) == ["high-contrast"])
        #expect(try complete(cli, ["golive", "playbook", "show", ""]) == ["enterprise-high-touch", "smb-tech-touch"])
        #expect(try complete(cli, ["golive", "import", "--playbook", "s"]) == ["smb-tech-touch"])
        let re = ["report", "resolve", "resume", "reviewed", "reassign", "restore"]
        #expect(try complete(cli, ["golive", "re"]) == re)
        for shell in ["zsh", "fish"] {
            let r = try cli.run(["--generate-completion-script", shell])
            #expect(r.status == 0 && r.out.contains("golive"), "\(shell): \(r.err)")
        }
    }

    @Test func theRootsOptionsCompleteTheirValuesInEveryShell() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let themes = ["default", "deuteranopia", "high-contrast", "mono"]
        // `golive` alone opens the board, so its options come before any subcommand.
        #expect(try complete(cli, ["golive", "--theme", ""]) == themes)
        #expect(try complete(cli, ["golive", "--theme", "h"]) == ["high-contrast"])
        #expect(try complete(cli, ["golive", "--view", "ch"]) == ["changes"])
        #expect(try complete(cli, ["golive", "--read-only", "--view", ""]).count == 5)
        #expect(try complete(cli, ["golive", "--view", "agenda", "re"]).contains("report"))
        // zsh and fish ask golive for the themes as bash does: the same call, from the root.
        let zsh = try cli.run(["--generate-completion-script", "zsh"]).out
        #expect(zsh.contains("'--theme[") && zsh.contains("---completion -- --theme"))
        #expect(zsh.contains("'--view[Open on this screen"))
        let fish = try cli.run(["--generate-completion-script", "fish"]).out
        #expect(fish.contains("\"golive\" theme' -l 'theme'") && fish.contains("---completion -- --theme"))
        #expect(fish.contains("-l 'view'") && fish.contains("'board stalled agenda metrics changes'"))
        let asked = try cli.run(["---completion", "--", "--theme", "2", "0", ""])
        #expect(asked.out.split(separator: "\n").map(String.init) == themes, "\(asked.err)")
        let help = try cli.run(["--help"])
        #expect(help.out.contains("--generate-completion-script <shell>"))
    }
}

extension CommandLineConventionsTests {
    @Test func aDryRunImportListsEachAccountItsPlaybookAndWhatWasReadAsSomethingElse() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let csv = cli.write(
            "won.csv",
            "Account Name,CSM,Segment,ARR,Close Date,Sales Owner\nAcme,Ana,Startup,\"$120,000\",3/14/2026,Sam\n")
        let store = cli.file("new.sqlite")
        let r = try cli.run(["import", csv, "--dry-run", "--store", store])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("line 2: Acme — smb, $120k, CSM Ana, playbook smb-tech-touch\n"))
        for line in [
            "    segment 'Startup' → smb", "    ARR '$120,000' → 120000",
            "    contract signed '3/14/2026' → 2026-03-14",
            "    target go-live (none) → ",
        ] {
            #expect(r.out.contains(line), "missing: \(line)")
        }
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
