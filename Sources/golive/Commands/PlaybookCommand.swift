import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct PlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook", abstract: "List, show and check playbooks.",
        subcommands: [List.self, Show.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the playbooks available.")
        @OptionGroup var common: CommonOptions
        func run() throws {
            let table = TextTable(
                columns: ["name", "title", "stages", "checkpoints", "tasks", "source"], rightAligned: [2, 3, 4],
                rows: try common.catalog().entries.map { e in
                    [
                        e.playbook.name, e.playbook.title, "\(e.playbook.stages.count)",
                        "\(e.playbook.checkpoints.count)",
                        "\(e.playbook.tasks.count)", e.source,
                    ]
                })
            say(table.text(maxColumnWidth: tableCellLimit()), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one playbook: stages, checkpoints, lanes, touchpoints.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The playbook's name.", completion: Completions.playbooks) var name: String
        @Flag(help: "Print the playbook as its YAML file: a start for one of your own.") var yaml = false
        func run() throws {
            let catalog = try common.catalog()
            guard let entry = catalog.entries.first(where: { $0.playbook.name == name }) else {
                throw UsageProblem("unknown playbook '\(Text.inert(name))' (see `golive playbook list`)")
            }
            guard yaml else {
                say(PlaybookText.describe(entry.playbook), terminator: "")
                return
            }
            // Line by line through `inert`: a user's file may hold escape sequences.
            let lines = try catalog.yaml(of: entry).split(separator: "\n", omittingEmptySubsequences: false)
            let text = lines.map { Text.inert(String($0)) }.joined(separator: "\n")
            say(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a playbook file; a problem is named with its file and line.")
        @Argument(
            help: ArgumentHelp("The YAML file.", valueName: "file.yaml"),
            completion: .file(extensions: ["yaml", "yml"]))
        var file: String
        func run() throws {
            let p = try PlaybookFile.load(path: file)
            let parts = [
                plural(p.stages.count, "stage"), plural(p.checkpoints.count, "checkpoint"),
                plural(p.tasks.count, "task"), plural(p.touchpoints.count, "touchpoint"),
            ]
            say("\(file): ok — playbook '\(p.name)': " + parts.joined(separator: ", "))
        }
    }
}
