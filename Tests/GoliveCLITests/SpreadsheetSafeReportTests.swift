import Foundation
import Testing

/// Reports read by spreadsheets and Markdown viewers cannot be turned against their readers
/// by a name from a CRM: a CSV cell never starts a formula, a Markdown table never breaks.
struct SpreadsheetSafeReportTests {
    @Test func hostileNamesComeOutAsTextInCSVAndMarkdown() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let names = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|calc", "@SUM(A1)", "Pipe | and `tick`"]
        let csv =
            "Account Name,CSM,Segment,ARR,Contract Signed\n"
            + names.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\",Ana,smb,9000,2026-11-01\n" }
            .joined()
        cli.write("hostile.csv", csv)
        let store = cli.file("h.sqlite")
        let imported = try cli.run(["import", cli.file("hostile.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(imported.status == 0, "\(imported.err)")
        let report = try cli.run(["report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "csv"])
        #expect(report.status == 0, "\(report.err)")
        let lines = report.out.split(separator: "\n")
        for line in lines.dropFirst() {
            let first = line.hasPrefix("\"") ? line.dropFirst() : line
            #expect(!"=+-@".contains(first.first ?? " "), "\(line)")
        }
        #expect(report.out.contains("'=HYPERLINK("))
        #expect(report.out.contains("'+cmd|calc") && report.out.contains("'@SUM(A1)"))
        let markdown = try cli.run(
            ["report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "markdown"])
        #expect(markdown.out.contains("Pipe \\| and \\`tick\\`"), "\(markdown.out)")
    }
}
