import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// `golive plan ACCOUNT`: the mutual action plan to share with the customer.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the plan to share with an account's customer (Markdown or one HTML page).",
        discussion: """
            Stages and checkpoints with dates, the customer's tasks and approvals with owners and due \
            dates, meetings, and what is late — never internal tasks, notes, colours or reasons.
            """)

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The account, by id or by its name (any case).", valueName: "account"))
    var account: String
    @Option(help: "markdown | html", completion: .list(PlanFormat.allCases.map(\.rawValue))) var format = "markdown"
    @Option(
        help: ArgumentHelp("Write to this file instead of standard output (--force replaces it).", valueName: "file"),
        completion: .file(extensions: ["html", "md"]))
    var output: String?
    @Flag(help: "Replace the --output file if it exists.") var force = false

    func validate() throws {
        guard PlanFormat(rawValue: format) != nil else {
            throw ValidationError(
                "unknown format '\(Text.inert(format))' \(Nearest.hint(format, among: ["markdown", "html"], expected: "markdown or html"))"
            )
        }
    }

    func run() throws {
        let destination = try Export.destination(output, force: force, common: common)
        let store = try common.open(.readOnly)
        let today = try common.today()
        let id = try store.accountID(named: account)
        guard let a = try store.account(id) else { throw UsageProblem("no account with id \(id)") }
        let text = CustomerPlan(a, today: today).render(PlanFormat(rawValue: format) ?? .markdown)
        guard let destination else { return FileHandle.standardOutput.write(Data(text.utf8)) }
        try Export.replace(destination, with: text)
        say("wrote the plan of \(a.name) to \(destination.path)")
    }
}
