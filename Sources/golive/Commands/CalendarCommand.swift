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
    @Option(help: "Only this CSM's accounts (default: the whole team's).") var csm: String?
    @Option(
        help: ArgumentHelp("Write to this file (replaced each run) instead of standard output.", valueName: "file"),
        completion: .file(extensions: ["ics"]))
    var output: String?

    func run() throws {
        let store = try common.open(.readOnly)
        let today = try common.today()
        var name: String?
        if let csm {
            let known = try store.csms()
            guard let found = known.first(where: { $0.caseInsensitiveCompare(csm) == .orderedSame }) else {
                throw UsageProblem("no account has the CSM '\(csm)' (the CSMs: \(known.joined(separator: ", ")))")
            }
            name = found
        }
        let ids = try store.facts().filter { f in f.isActive && (name.map { f.csm == $0 } ?? true) }.map(\.id)
        let accounts = ids.isEmpty ? [] : try store.ruleViews(ids: ids)
        let ics = PortfolioCalendar.ics(
            accounts: accounts, today: today, stamp: try common.clock()(),
            name: "golive" + (name.map { ": \($0)" } ?? ""))
        guard let output else { return FileHandle.standardOutput.write(Data(ics.utf8)) }
        // Replaced whole or not at all: a calendar subscribed to never reads half a file.
        let temporary = output + ".golive-\(getpid()).tmp"
        do {
            let fd = try Export.openPrivately(temporary)
            defer { close(fd) }
            try Export.write(Array(ics.utf8), to: fd, path: output)
            guard rename(temporary, output) == 0 else {
                throw UsageProblem("cannot write \(output): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        say("wrote the touchpoints, checkpoints and go-lives of \(plural(ids.count, "account")) to \(output)")
    }
}
