import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "List and check themes.", subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the themes available.")
        @OptionGroup var common: CommonOptions
        func run() throws {
            let themes = ThemeCatalog(userDirectory: common.paths.themeDirectory).list()
            say(
                TextTable(columns: ["name", "file"], rows: themes.map { [$0.name, $0.path] }).text(
                    maxColumnWidth: tableCellLimit()), terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a theme file; a problem is named with its file and line.")
        @Argument(
            help: ArgumentHelp("The YAML file.", valueName: "file.yaml"),
            completion: .file(extensions: ["yaml", "yml"]))
        var file: String
        func run() throws {
            let t = try ThemeFile.load(path: file)
            say("\(file): ok — theme '\(t.name)'")
        }
    }
}
