import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a report: stalled, overdue, metrics or portfolio.",
        discussion: "Formats: table (default), json, csv, markdown (a weekly status report).")

    @OptionGroup var common: CommonOptions
    @Argument(
        help: ArgumentHelp("stalled | overdue | metrics | portfolio", valueName: "kind"),
        completion: Completions.reports)
    var kind: String
    @Option(help: "table | json | csv | markdown", completion: Completions.formats) var format: String = "table"
    @Option(help: "Only this CSM's accounts.") var csm: String?

    func validate() throws {
        _ = try parsed()
    }

    /// The report and format the arguments name, or a message listing the ones there are.
    private func parsed() throws -> (ReportKind, ReportFormat) {
        guard let report = ReportKind(rawValue: kind) else {
            let known = ReportKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown report '\(Text.inert(kind))' (expected \(known))")
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown format '\(Text.inert(format))' (expected \(known))")
        }
        return (report, reportFormat)
    }

    func run() throws {
        let (report, reportFormat) = try parsed()
        let store = try common.open(.readOnly)
        let today = try common.today()
        if let csm {
            let known = try store.csms()
            guard known.contains(where: { $0.caseInsensitiveCompare(csm) == .orderedSame }) else {
                throw UsageProblem(
                    "no account has the CSM '\(csm)' (the CSMs: \(known.joined(separator: ", ")))")
            }
        }
        var reports = try Reports.read(report, from: store, today: today, csm: csm)
        reports.capacity = try common.config().capacitySetting
        let text = try reports.render(report, as: reportFormat)
        // JSON is escaped already (\\u for every unsafe character); the rest goes through `say`.
        if reportFormat == .json { print(text, terminator: "") } else { say(text, terminator: "") }
    }
}
