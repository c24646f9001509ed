import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// `golive calendar`: touchpoints, checkpoints and go-lives as an iCalendar file to import
/// or subscribe to.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write touchpoints, checkpoints and go-lives as an iCalendar (.ics) file.",
        discussion: """
            Each entry keeps its UID from one run to the next: importing the file again updates \
            entries, never duplicates them. Active accounts only.
            """)

    @OptionGroup var common: CommonOptions
    @Option(help: "Only this CSM's accounts (default: the whole team's): the name, or a short form (ana, asouza).")
    var csm: String?
    @Option(
        help: ArgumentHelp("Write to this file instead of standard output (--force replaces it).", valueName: "file"),
        completion: .file(extensions: ["ics"]))
    var output: String?
    @Flag(help: "Replace the --output file if it exists.") var force = false

    func run() throws {
        let destination = try Export.destination(output, force: force, common: common)
        let store = try common.open(.readOnly)
        let today = try common.today()
        let name = try store.csm(named: csm)
        let ids = try store.facts().filter { f in f.isActive && (name.map { f.csm == $0 } ?? true) }.map(\.id)
        let accounts = ids.isEmpty ? [] : try store.ruleViews(ids: ids)
        let ics = PortfolioCalendar.ics(
            accounts: accounts, today: today, stamp: try common.clock()(),
            name: "golive" + (name.map { ": \($0)" } ?? ""))
        guard let destination else { return FileHandle.standardOutput.write(Data(ics.utf8)) }
        try Export.replace(destination, with: ics)
        say("wrote the touchpoints, checkpoints and go-lives of \(plural(ids.count, "account")) to \(destination.path)")
    }
}
