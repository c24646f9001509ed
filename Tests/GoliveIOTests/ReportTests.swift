import CSV
import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct ReportTests {
    static let today = day("2026-11-22")
    static let accounts: [Account] = {
        var next: Int64 = 1
        let seeder = Seeder(accounts: 40, tasksPerAccount: nil, csms: 3, seed: 11, asOf: today, catalog: builtins)
        return (0..<40).map { seeder.account($0, nextID: &next).0 }
    }()
    let reports = Reports(accounts: accounts, everEscalated: [], today: today)

    func jsonObjects(_ kind: ReportKind) throws -> [[String: Any]] {
        let data = Data(try reports.render(kind, as: .json).utf8)
        return try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func stalledJSONCarriesTheAgreedFields() throws {
        let rows = try jsonObjects(.stalled)
        #expect(!rows.isEmpty)
        for key in ["account", "csm", "stage", "rag", "reasons", "ball_in_court", "days_stalled"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        #expect(rows.allSatisfy { ($0["reasons"] as? [String])?.isEmpty == false })
        let arrs = rows.compactMap { $0["arr"] as? Int }
        #expect(arrs == arrs.sorted(by: >))  // most ARR at stake first
    }

    @Test func overdueJSONCarriesTheAgreedFields() throws {
        let rows = try jsonObjects(.overdue)
        #expect(!rows.isEmpty)
        for key in ["account", "lane", "task", "owner", "due", "days_overdue"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let days = rows.compactMap { $0["days_overdue"] as? Int }
        #expect(days == days.sorted(by: >) && days.allSatisfy { $0 > 0 })
    }

    @Test func portfolioJSONCarriesCheckpointsWithStates() throws {
        let rows = try jsonObjects(.portfolio)
        #expect(rows.count == 40)
        for key in ["account", "csm", "segment", "stage", "rag", "reasons", "checkpoints", "go_live", "arr"] {
            #expect(rows.allSatisfy { $0[key] != nil }, "missing \(key)")
        }
        let cps = try #require(rows.first?["checkpoints"] as? [[String: Any]])
        #expect(
            cps.allSatisfy {
                $0["name"] != nil && $0["due"] != nil && CheckpointState(rawValue: $0["state"] as? String ?? "") != nil
            })
        #expect(rows.first?["rag"] as? String == "red")  // worst first
    }

    @Test func metricsJSONHasTheTeamAndEachCSM() throws {
        let data = Data(try reports.render(.metrics, as: .json).utf8)
        let obj = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let team = try #require(obj["team"] as? [String: Any])
        for key in [
            "time_to_first_value", "time_to_go_live", "on_time_go_live", "customer_task_on_time", "escalation",
            "stage_durations", "load", "days_lost_on_customer", "days_lost_on_us",
        ] {
            #expect(team[key] != nil, "missing \(key)")
        }
        #expect((obj["by_csm"] as? [Any])?.count == 3)
    }

    @Test func metricsCompareThisQuarterWithTheLastInEveryFormat() throws {
        let data = Data(try reports.render(.metrics, as: .json).utf8)
        let obj = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let periods = try #require(obj["periods"] as? [String: Any])
        #expect((periods["current"] as? [String: Any])?["group"] as? String == "2026-Q4")
        #expect((periods["previous"] as? [String: Any])?["group"] as? String == "2026-Q3")
        let m = reports.metrics().periods
        #expect(m.current.accounts + m.previous.accounts <= reports.accounts.count)
        #expect(
            m.current.accounts == reports.accounts.filter { $0.contractSigned >= day("2026-10-01") }.count)
        let rows = Reports.periodRows(m)
        let signed = try #require(rows.first)
        #expect(signed.kpi == "onboardings signed")
        #expect(signed.change == Reports.signed(Double(m.current.accounts - m.previous.accounts)))
        #expect(try reports.render(.metrics, as: .table).contains("This quarter against the last: 2026-Q4 (signed"))
        #expect(try reports.render(.metrics, as: .markdown).contains("## This quarter against the last"))
        #expect(try reports.render(.metrics, as: .csv).contains("\n2026-Q4,"))
        var monthly = reports
        monthly.period = .month
        #expect(monthly.metrics().periods.current.group == "2026-11")
    }

    @Test func csvReportsReadBackWithTheSameRows() throws {
        let text = try reports.render(.overdue, as: .csv)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        #expect(reader.headerRow == ["account", "csm", "lane", "task", "owner", "status", "due", "days_overdue"])
        var n = 0
        while reader.next() != nil { n += 1 }
        #expect(try n == reports.overdue().count)
    }

    @Test func theMarkdownPortfolioIsAWeeklyStatusReport() throws {
        let md = try reports.render(.portfolio, as: .markdown)
        #expect(md.hasPrefix("# Onboarding status — week of 2026-11-16\n"))
        #expect(md.contains("active onboardings") && md.contains("\n## Red\n") && md.contains("\n## All accounts\n"))
        // Headings in words and money as people write it: this is read, not parsed.
        #expect(md.contains("| Account | CSM | Segment |") && md.contains("| ARR |"))
        #expect(md.contains("k |") && !md.contains("000 |"))
    }

    @Test func theTableAlignsWideCharactersAndFiltersByCSM() throws {
        let r = Reports(accounts: Self.accounts, everEscalated: [], today: Self.today, csm: "chen wei 陈伟")
        let lines = try r.render(.portfolio, as: .table).split(separator: "\n")
        #expect(lines.count == r.accounts.count + 1 && !r.accounts.isEmpty)
        #expect(r.accounts.allSatisfy { $0.csm == "Chen Wei 陈伟" })
        // Every row's ARR column ends at the same display column.
        let header = String(lines[0])
        let arrEnd = Text.width(String(header[..<header.range(of: "ARR")!.upperBound]))
        for line in lines.dropFirst() {
            // Walk the row by display width: the right-aligned ARR figure ("$480k", as on the
            // board) must end exactly at arrEnd.
            var width = 0
            var last: Character = " "
            for c in line where width < arrEnd {
                width += Text.width(c)
                last = c
            }
            #expect(width == arrEnd && (last.isNumber || last == "k" || last == "M"), "misaligned: \(line)")
        }
    }

    @Test func textFromDataIsInertInEveryTextFormat() throws {
        var a = Self.accounts[0]
        a.name = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}"
        let r = Reports(accounts: [a], everEscalated: [], today: Self.today)
        for format in [ReportFormat.table, .csv, .markdown] {
            let out = try r.render(.portfolio, as: format)
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(format)")
        }
        // JSON escapes control characters itself.
        #expect(try r.render(.portfolio, as: .json).contains("\\u001b[2J"))
    }
}
