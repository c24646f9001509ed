import CSV
import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveIO
@testable import GoliveStore

struct OverdueQueryTests {
    /// The overdue report comes from the index of open tasks and the stalled report from the
    /// accounts' facts: each must equal the report computed from every whole account.
    @Test func reportsReadThroughIndexesAndFactsEqualThoseComputedFromEveryAccount() throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 80, seed: 5, asOf: ReportTests.today)
        let accounts = try store.accounts()
        for csm in [nil, "ana souza"] as [String?] {
            let computed = Reports(accounts: accounts, everEscalated: [], today: ReportTests.today, csm: csm)
            for kind in [ReportKind.overdue, .stalled] {
                let read = try Reports.read(kind, from: store, today: ReportTests.today, csm: csm)
                #expect(
                    try kind == .overdue ? read.overdue() == computed.overdue() : read.stalled() == computed.stalled())
                #expect(try kind == .overdue ? !computed.overdue().isEmpty : !computed.stalled().isEmpty)
                for format in ReportFormat.allCases {
                    #expect(try read.render(kind, as: format) == computed.render(kind, as: format), "\(kind) \(format)")
                }
            }
        }
    }

    /// The overdue JSON is written from the store's bytes as the cursor reads them: it must
    /// be the bytes the encoder gives for the same rows, whatever the names hold (controls,
    /// quotes, C1, bidi overrides, letters not in composed form, invalid UTF-8).
    @Test func theStreamedOverdueJSONEqualsTheEncodedRowsOnHostileText() throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 30, seed: 8, asOf: ReportTests.today)
        let hostile = ReportJSONTests.hostile.map { "n" + $0 } + ["e\u{301}cole", "\u{E9}cole", "Zebra"]
        try store.write { tx in
            for (i, text) in hostile.enumerated() {
                try tx.db.execute(
                    sql:
                        "UPDATE accounts SET name = ? WHERE id = (SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET ?)",
                    arguments: [text + " \(i)", i])
                try tx.db.execute(
                    sql:
                        "UPDATE tasks SET title = ?, owner = ? WHERE id IN (SELECT id FROM tasks ORDER BY id LIMIT 40 OFFSET ?)",
                    arguments: [hostile.reversed()[i] + "x", text, i * 40])
            }
            try tx.db.execute(sql: "UPDATE tasks SET title = CAST(x'41ff42' AS TEXT) WHERE id % 7 = 0")
        }
        let read = try Reports.read(.overdue, from: store, today: ReportTests.today, csm: nil)
        let rows = try read.overdue()
        #expect(rows.count > 20)
        #expect(try read.render(.overdue, as: .json) == (try Reports.json(rows)))
        let computed = Reports(accounts: try store.accounts(), everEscalated: [], today: ReportTests.today)
        #expect(try computed.overdue() == rows)
    }
}
