import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a report: stalled, overdue, metrics, portfolio or changes.",
        discussion: """
            Formats: table (default), json, csv, markdown (a weekly status report; for changes, a digest).
            `changes` lists what changed per account since --since DAY, or since your last review (the default).
            """)

    @OptionGroup var common: CommonOptions
    @Argument(
        help: ArgumentHelp("stalled | overdue | metrics | portfolio | changes", valueName: "kind"),
        completion: Completions.reports)
    var kind: String
    @Option(help: "table | json | csv | markdown", completion: Completions.formats) var format: String = "table"
    @Option(help: "Only this CSM's accounts: the name, or a short form as `m` takes (ana, asouza).") var csm: String?
    @Option(
        help: ArgumentHelp(
            "For `changes`: from this day (\(DayOption.forms), \(DayOption.relative)) or from your last review "
                + "(last-review, the default; the last 7 days until you have one).",
            valueName: "day"))
    var since: String?
    @Option(
        help: ArgumentHelp(
            "For `metrics`: compare the onboardings signed this quarter (month, week) with the last.",
            valueName: "quarter|month|week"))
    var period: String?

    func validate() throws {
        _ = try parsed()
    }

    /// The report and format the arguments name, or a message listing the ones there are.
    private func parsed() throws -> (ReportKind, ReportFormat) {
        guard let report = ReportKind(rawValue: kind) else {
            let known = ReportKind.allCases.map(\.rawValue)
            throw ValidationError("unknown report '\(Text.inert(kind))' \(Nearest.hint(kind, among: known))")
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            let known = ReportFormat.allCases.map(\.rawValue)
            throw ValidationError("unknown format '\(Text.inert(format))' \(Nearest.hint(format, among: known))")
        }
        if since != nil && report != .changes {
            throw ValidationError("--since is for `report changes` only")
        }
        if let period {
            guard report == .metrics else { throw ValidationError("--period is for `report metrics` only") }
            guard Period(rawValue: period) != nil else {
                throw ValidationError(
                    "--period '\(Text.inert(period))' is not a period (expected quarter, month or week)")
            }
        }
        if let since, since != "last-review" {
            guard Day(typed: since, today: try common.today()) != nil else {
                throw ValidationError(
                    "--since '\(Text.inert(since))' is not a date (expected \(DayOption.forms), or last-review)")
            }
            _ = try DayOption.validated(since, "--since", today: try common.today())
        }
        return (report, reportFormat)
    }

    /// Where the changes report starts: the day given, else the user's last review, else
    /// (as on the Changes screen) the last 7 days — said on standard error, so a script
    /// reading the report is not misled and its output stays the report alone.
    private func start(_ store: Store, today: Day) throws -> ChangesSince {
        if let since, since != "last-review" { return .day(try DayOption.day(since, "--since", today: today)) }
        let user = try common.who()
        if let review = try ChangesSince.lastReview(of: user, in: store) { return review }
        printError(
            "golive: \(Text.inert(user)) has not marked any account reviewed yet (v in the stalled review): "
                + "the last 7 days (--since DAY for others)")
        return .lastDays(7, today: today, note: " (no review yet)")
    }

    func run() throws {
        let (report, reportFormat) = try parsed()
        let store = try common.open(.readOnly)
        let today = try common.today()
        let name = try store.csm(named: csm)
        let since = report == .changes ? try start(store, today: today) : nil
        var reports = try Reports.read(report, from: store, today: today, csm: name, since: since)
        reports.capacity = try common.config().capacitySetting
        reports.period = period.flatMap(Period.init(rawValue:)) ?? .quarter
        reports.maxColumnWidth = tableCellLimit()
        // JSON is escaped already (\\u for every unsafe character); the rest goes through `say`.
        guard reportFormat == .json else { return say(try reports.render(report, as: reportFormat), terminator: "") }
        try reports.writeJSON(report) { piece in
            var at = 0
            // A reader that closed the pipe (`| head`) ends the writing, as it ends `print`.
            while at < piece.count, let base = piece.baseAddress {
                let n = write(STDOUT_FILENO, base + at, piece.count - at)
                if n <= 0 && errno != EINTR { return }
                at += max(0, n)
            }
        }
    }
}
