import CSV
import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct FlatJSONTests {
    /// Every C0 control, quotes, backslashes, slashes, DEL, C1 controls, bidi overrides,
    /// combining marks, emoji, CJK and the empty string.
    static let hostile: [String] = {
        var controls = ""
        for i in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(i))) }
        return [
            controls, "\"quoted\" \\ back/slash", "DEL\u{7F} C1\u{85}\u{9F}", "\u{202E}evil\u{2066}\u{200F}",
            "e\u{301}", "Zürich Re 東京 🚀", "", "a\r\nb",
        ]
    }()

    @Test func theOverdueWriterGivesExactlyTheEncodersBytes() throws {
        var rows: [OverdueRow] = []
        for (i, s) in FlatJSONTests.hostile.enumerated() {
            rows.append(
                OverdueRow(
                    account: s, csm: "csm \(i)", lane: "customer", task: FlatJSONTests.hostile.reversed()[i],
                    owner: s + s, status: "open", due: "2026-11-0\(i % 9 + 1)", daysOverdue: i * 1_000_003 - 7))
        }
        for list in [rows, [], [rows[0]]] {
            let written = Text.inertJSON(FlatJSON.array(list.map(\.jsonFields))) + "\n"
            #expect(written == (try Reports.json(list)))
        }
    }
}
