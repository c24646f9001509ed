import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// `golive digest`: the morning's list of what needs a CSM, ready for cron and mail.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print what needs a CSM today (or the whole team): the morning digest.",
        discussion: """
            Accounts turned red or amber and why, stalled accounts, touchpoints, work due today and \
            overdue per lane, approvals pending, customer tasks past their SLA and follow-ups due. \
            Empty sections are left out; an empty digest says "nothing needs you today".
            """)

    @OptionGroup var common: CommonOptions
    @Option(help: "Only this CSM's accounts (default: the whole team's): the name, or a short form (ana, asouza).")
    var csm: String?
    @Option(
        help: DayOption.help("Colours compared with those before this day (default: yesterday)"))
    var since: String?
    @Option(help: "text | markdown | json", completion: .list(DigestFormat.allCases.map(\.rawValue)))
    var format: String = "text"

    func validate() throws {
        guard DigestFormat(rawValue: format) != nil else {
            throw ValidationError(
                "unknown format '\(Text.inert(format))' \(Nearest.hint(format, among: ["text", "markdown", "json"], expected: "text, markdown or json"))"
            )
        }
        if let since { _ = try DayOption.validated(since, "--since", today: try common.today()) }
    }

    func run() throws {
        let store = try common.open(.readOnly)
        let today = try common.today()
        let name = try store.csm(named: csm)
        let start = try since.map { try DayOption.day($0, "--since", today: today) } ?? today - 1
        guard start <= today else {
            throw UsageProblem("--since \(start.iso) is after today (\(today.iso)): nothing can have changed yet")
        }
        let digest = try Digest.read(from: store, today: today, csm: name, since: start)
        let text = try digest.render(DigestFormat(rawValue: format) ?? .text, csm: name, since: start)
        say(text, terminator: "")
    }
}
