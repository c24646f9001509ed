import CSV
import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct ReportJSONTests {
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

    @Test(arguments: [
        0, 1, 9, 10, 11, 99, 100, 101, 1_000_003, 9_999_999_999, 10_000_000_000, -1, -9, -10, -1_000_003, Int.max,
        Int.min, Int.max - 1, Int.min + 1,
    ])
    func numbersAreWrittenAsTheirDecimalText(_ n: Int) {
        var out: [UInt8] = [UInt8(ascii: "x")]
        ReportJSON.digits(n, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x\(n)")
    }

    @Test func theOverdueWriterGivesExactlyTheEncodersBytes() throws {
        var rows: [OverdueRow] = []
        for (i, s) in ReportJSONTests.hostile.enumerated() {
            rows.append(
                OverdueRow(
                    account: s, csm: "csm \(i)", lane: "customer", task: ReportJSONTests.hostile.reversed()[i],
                    owner: s + s, status: "open", due: "2026-11-0\(i % 9 + 1)", daysOverdue: i * 1_000_003 - 7))
        }
        for list in [rows, [], [rows[0]]] {
            #expect(ReportJSON.document(list.map(\.json)) == (try Reports.json(list)))
        }
    }

    /// The document the report writer makes of `list`, each row written by `write`.
    static func written<R>(_ list: [R], _ write: (R, inout [UInt8]) -> Void) throws -> String {
        let objects = list.map { r -> [UInt8] in
            var o: [UInt8] = []
            write(r, &o)
            return o
        }
        var all: [UInt8] = []
        try ReportJSON.document(objects: objects, order: Array(objects.indices)) { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }

    @Test func theStalledWriterGivesExactlyTheEncodersBytes() throws {
        let hostile = ReportJSONTests.hostile
        let rows = hostile.indices.map { i in
            StalledRow(
                account: hostile[i], csm: hostile.reversed()[i], segment: "smb",
                stage: hostile[(i + 3) % hostile.count],
                rag: "red", reasons: Array(hostile.prefix(i)), ballInCourt: "customer", daysStalled: i * 7 - 3,
                daysInStage: i, slaDays: 14, arr: i * 1_000_003, escalated: i % 2 == 0)
        }
        for list in [rows, [], [rows[0]], (0..<300).flatMap { _ in rows }] {
            #expect(try Self.written(list) { $0.writeJSON(indent: 2, into: &$1) } == (try Reports.json(list)))
        }
    }

    @Test func theChangesWriterGivesExactlyTheEncodersBytes() throws {
        let hostile = ReportJSONTests.hostile
        let rows = hostile.indices.map { i in
            ChangeRow(
                AccountChange(
                    id: Int64(i), name: hostile[i], csm: hostile.reversed()[i], segment: .midMarket, arr: i * 70_001,
                    isNew: i % 3 == 0, ragBefore: i % 3 == 0 ? nil : .green, ragNow: i % 2 == 0 ? .red : .amber,
                    reasons: Array(hostile.prefix(i)), stageBefore: i % 3 == 0 ? nil : hostile[(i + 1) % hostile.count],
                    stageNow: hostile[(i + 2) % hostile.count], slips: Array(hostile.suffix(i % 3)),
                    escalations: i % 2 == 0 ? [hostile[i]] : [], holds: Array(hostile.prefix(i % 4)),
                    tasksDone: Array(hostile.suffix(i)), approvals: Array(hostile.prefix(i % 4)), events: i * 3))
        }
        for list in [rows, [], [rows[0]], (0..<300).flatMap { _ in rows }] {
            #expect(try Self.written(list) { $0.writeJSON(indent: 2, into: &$1) } == (try Reports.json(list)))
        }
    }

    @Test func thePortfolioWriterGivesExactlyTheEncodersBytes() throws {
        let hostile = ReportJSONTests.hostile
        let rows = hostile.indices.map { i in
            PortfolioRow(
                account: hostile[i], csm: hostile.reversed()[i], segment: "enterprise", stage: hostile[(i + 1) % 8],
                rag: "amber", reasons: Array(hostile.suffix(i)),
                checkpoints: hostile.prefix(i).map {
                    CheckpointRow(
                        name: $0, due: "2026-11-02", state: "at_risk", achievedOn: $0.isEmpty ? nil : "2026-10-01",
                        forecast: "2026-11-09")
                },
                nextDue: i % 3 == 0 ? nil : hostile[i] + " (2026-11-30)", goLive: "2026-12-01", daysToGoLive: 9 - i * 5,
                arr: i * 99_991, stalled: i % 2 == 1, completed: i == 4, onHoldSince: i % 2 == 0 ? "2026-11-01" : nil,
                goLiveBaseline: i % 4 == 1 ? "2026-10-20" : nil, goLiveMoves: i,
                goLiveForecast: "2026-12-0\(i % 9 + 1)",
                ballInCourt: i == 4 ? nil : ["ours", "customer", "approver"][i % 3])
        }
        // Hundreds of rows cross the 64 KB pieces the document is handed over in.
        let many = (0..<300).flatMap { _ in rows }
        for list in [rows, [], [rows[0]], many] {
            let objects = list.map { r -> [UInt8] in
                var o: [UInt8] = []
                r.writeJSON(indent: 2, into: &o)
                return o
            }
            var all: [UInt8] = []
            var pieces: [Int] = []
            try ReportJSON.document(objects: objects, order: Array(objects.indices)) {
                all.append(contentsOf: $0)
                pieces.append($0.count)
            }
            #expect(String(decoding: all, as: UTF8.self) == (try Reports.json(list)))
            #expect(pieces.dropLast().allSatisfy { $0 >= 1 << 16 })
            #expect(pieces.count == 1 || list.count == many.count)
        }
    }

    @Test func theWholePortfolioWrittenOnEveryCoreIsTheEncodersDocumentOfItsRows() throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 300, seed: 3, csms: 4)
        for today in [day("2026-11-22"), day("2026-10-01")] {
            for csm in [nil, "dana okafor"] {
                let r = try Reports.read(.portfolio, from: store, today: today, csm: csm)
                let rows = try r.portfolio()
                #expect(rows.count > (csm == nil ? 299 : 10))
                #expect(try r.render(.portfolio, as: .json) == Reports.json(rows))
            }
        }
    }
}
