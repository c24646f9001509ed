import CSV
import Foundation
import GoliveDomain
import GoliveStore

public enum ReportFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}

public enum ReportKind: String, CaseIterable, Sendable {
    case stalled, overdue, metrics, portfolio
}

/// Rows of the reports, with the JSON field names other tools rely on (snake_case).
public struct StalledRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, segment: String, stage: String, rag: String
    public var reasons: [String]
    public var ballInCourt: String
    public var daysStalled: Int
    public var daysInStage: Int, slaDays: Int
    public var arr: Int
    public var escalated: Bool
}

public struct OverdueRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, lane: String, task: String, owner: String, status: String
    public var due: String
    public var daysOverdue: Int
}

public struct CheckpointRow: Codable, Hashable, Sendable {
    public var name: String, due: String, state: String
    public var achievedOn: String?
}

public struct PortfolioRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, segment: String, stage: String, rag: String
    public var reasons: [String]
    public var checkpoints: [CheckpointRow]
    public var nextDue: String?
    public var goLive: String
    public var daysToGoLive: Int
    public var arr: Int
    public var stalled: Bool
    public var completed: Bool
}

public struct MetricsReport: Codable, Sendable {
    public var asOf: String
    public var team: Metrics
    public var byCsm: [Metrics]
    public var bySegment: [Metrics]
    public var byPlaybook: [Metrics]
}

/// The reports of `golive report`, computed from accounts as of a day.
public struct Reports {
    public var accounts: [Account]
    public var everEscalated: Set<Int64>
    public var today: Day

    /// Overdue rows read straight from the store, when the caller had them queried.
    var overdueTasks: [OverdueTask]?

    public init(accounts: [Account], everEscalated: Set<Int64>, today: Day, csm: String? = nil) {
        self.accounts =
            csm.map { c in accounts.filter { $0.csm.caseInsensitiveCompare(c) == .orderedSame } } ?? accounts
        self.everEscalated = everEscalated
        self.today = today
    }

    /// The overdue report from rows queried by the store (no accounts loaded).
    public init(overdue: [OverdueTask], today: Day) {
        self.accounts = []
        self.everEscalated = []
        self.today = today
        self.overdueTasks = overdue
    }

    /// What a report needs, read from the store: the overdue report only overdue tasks,
    /// the stalled report only the accounts their facts show stalled; metrics and the
    /// portfolio every account.
    public static func read(_ kind: ReportKind, from store: Store, today: Day, csm: String?) throws -> Reports {
        switch kind {
        case .overdue:
            return Reports(overdue: try store.overdueTasks(asOf: today, csm: csm), today: today)
        case .stalled:
            let stalled = try store.facts().filter { $0.stall(asOf: today) != nil }.map(\.id)
            return Reports(accounts: try store.accounts(ids: stalled), everEscalated: [], today: today, csm: csm)
        case .metrics, .portfolio:
            return Reports(
                accounts: try store.accounts(), everEscalated: try store.everEscalated(), today: today, csm: csm)
        }
    }

    /// Stalled accounts, most ARR at stake first.
    public func stalled() -> [StalledRow] {
        accounts.compactMap { a -> StalledRow? in
            guard let s = a.stall(asOf: today) else { return nil }
            return StalledRow(
                account: a.name, csm: a.csm, segment: a.segment.rawValue, stage: a.stage.name,
                rag: a.status(asOf: today).rag.rawValue, reasons: s.reasons.map(\.text),
                ballInCourt: s.ballInCourt.rawValue, daysStalled: s.days,
                daysInStage: a.daysInStage(asOf: today), slaDays: a.stage.slaDays, arr: a.arr,
                escalated: a.escalation != nil)
        }.sorted { ($1.arr, $0.account) < ($0.arr, $1.account) }
    }

    /// Unfinished tasks past due, most overdue first.
    public func overdue() -> [OverdueRow] {
        if let overdueTasks {
            return overdueTasks.map { t in
                OverdueRow(
                    account: t.account, csm: t.csm, lane: t.lane.rawValue, task: t.title, owner: t.owner,
                    status: t.status.rawValue, due: t.due.iso, daysOverdue: today - t.due)
            }.sorted { ($1.daysOverdue, $0.account, $0.task) < ($0.daysOverdue, $1.account, $1.task) }
        }
        return accounts.filter(\.isActive).flatMap { a in
            a.tasks.filter { $0.daysOverdue(asOf: today) > 0 }.map { t in
                OverdueRow(
                    account: a.name, csm: a.csm, lane: t.lane.rawValue, task: t.title, owner: t.owner,
                    status: t.status.rawValue, due: t.due.iso, daysOverdue: t.daysOverdue(asOf: today))
            }
        }.sorted { ($1.daysOverdue, $0.account, $0.task) < ($0.daysOverdue, $1.account, $1.task) }
    }

    /// Every account, worst RAG first, then nearest go-live.
    public func portfolio() -> [PortfolioRow] {
        accounts.map { a -> (RAG, PortfolioRow) in
            let st = a.status(asOf: today)
            let next = a.nextDue()
            return (
                st.rag,
                PortfolioRow(
                    account: a.name, csm: a.csm, segment: a.segment.rawValue,
                    stage: a.isActive ? a.stage.name : "Completed",
                    rag: st.rag.rawValue, reasons: st.reasons.map(\.text),
                    checkpoints: st.checkpoints.map {
                        CheckpointRow(
                            name: $0.checkpoint.name, due: $0.checkpoint.due.iso,
                            state: $0.state.rawValue, achievedOn: $0.checkpoint.achievedOn?.iso)
                    },
                    nextDue: next.map { "\($0.title) (\($0.due.iso))" }, goLive: a.goLive.iso,
                    daysToGoLive: a.goLive - today,
                    arr: a.arr, stalled: a.stall(asOf: today) != nil, completed: !a.isActive)
            )
        }.sorted { ($1.0, $0.1.goLive, $0.1.account) < ($0.0, $1.1.goLive, $1.1.account) }.map(\.1)
    }

    public func metrics() -> MetricsReport {
        func group(_ d: MetricsDimension) -> [Metrics] {
            Dictionary(grouping: accounts, by: d.key).sorted { $0.key < $1.key }.map {
                Metrics.compute(group: $0.key, accounts: $0.value, everEscalated: everEscalated, asOf: today)
            }
        }
        return MetricsReport(
            asOf: today.iso,
            team: Metrics.compute(group: "team", accounts: accounts, everEscalated: everEscalated, asOf: today),
            byCsm: group(.csm), bySegment: group(.segment), byPlaybook: group(.playbook))
    }

    // MARK: Rendering

    public func render(_ kind: ReportKind, as format: ReportFormat) throws -> String {
        switch (kind, format) {
        case (.stalled, .json): return try Reports.json(stalled())
        case (.overdue, .json): return Text.inertJSON(FlatJSON.array(overdue().map(\.jsonFields))) + "\n"
        case (.portfolio, .json): return try Reports.json(portfolio())
        case (.metrics, .json): return try Reports.json(metrics())
        case (.metrics, _): return try renderMetrics(format)
        case (.portfolio, .markdown): return portfolioMarkdown()
        default:
            let (title, table) = self.table(kind)
            switch format {
            case .table: return table.text()
            case .csv: return try table.csv()
            case .markdown:
                return "# \(title)\n\n_As of \(today.iso) · \(table.rows.count) rows_\n\n" + table.markdown()
            case .json: fatalError("handled above")
            }
        }
    }

    func table(_ kind: ReportKind) -> (String, TextTable) {
        switch kind {
        case .stalled:
            return (
                "Stalled onboardings",
                TextTable(
                    columns: [
                        "account", "csm", "stage", "rag", "ball_in_court", "days_stalled", "days_in_stage", "sla_days",
                        "arr", "reasons",
                    ],
                    rightAligned: [5, 6, 7, 8],
                    rows: stalled().map {
                        [
                            $0.account, $0.csm, $0.stage, $0.rag, $0.ballInCourt, "\($0.daysStalled)",
                            "\($0.daysInStage)",
                            "\($0.slaDays)", "\($0.arr)", $0.reasons.joined(separator: "; "),
                        ]
                    })
            )
        case .overdue:
            return (
                "Overdue work",
                TextTable(
                    columns: ["account", "csm", "lane", "task", "owner", "status", "due", "days_overdue"],
                    rightAligned: [7],
                    rows: overdue().map {
                        [$0.account, $0.csm, $0.lane, $0.task, $0.owner, $0.status, $0.due, "\($0.daysOverdue)"]
                    })
            )
        case .portfolio, .metrics:
            return (
                "Portfolio",
                TextTable(
                    columns: [
                        "account", "csm", "segment", "stage", "rag", "checkpoints", "next_due", "go_live", "days_left",
                        "arr", "stalled", "reasons",
                    ],
                    rightAligned: [8, 9],
                    rows: portfolio().map { r in
                        [
                            r.account, r.csm, r.segment, r.stage, r.rag,
                            r.checkpoints.map { CheckpointState(rawValue: $0.state)?.asciiGlyph ?? "?" }.joined(),
                            r.nextDue ?? "", r.goLive, "\(r.daysToGoLive)", "\(r.arr)", r.stalled ? "yes" : "",
                            r.reasons.joined(separator: "; "),
                        ]
                    })
            )
        }
    }

    /// "median (p25–p75)" in days, the way every metrics view prints a spread.
    public static func spread(_ s: Spread) -> String {
        guard let med = s.median else { return "–" }
        return "\(number(med)) (\(quartiles(s)))"
    }

    /// "p25–p75" in days.
    public static func quartiles(_ s: Spread) -> String {
        guard let p25 = s.p25, let p75 = s.p75 else { return "–" }
        return "\(number(p25))–\(number(p75))"
    }

    func renderMetrics(_ format: ReportFormat) throws -> String {
        let m = metrics()
        let spread = Reports.spread
        let groups = [m.team] + m.byCsm
        let kpis = TextTable(
            columns: [
                "group", "accounts", "active", "time_to_first_value", "time_to_go_live", "on_time_go_live",
                "customer_tasks_on_time",
                "escalation_rate", "days_lost_customer", "days_lost_us", "days_lost_approvers",
            ],
            rightAligned: [1, 2, 5, 6, 7, 8, 9, 10],
            rows: groups.map { g in
                [
                    g.group, "\(g.accounts)", "\(g.active)", spread(g.timeToFirstValue), spread(g.timeToGoLive),
                    g.onTimeGoLive.percent, g.customerTaskOnTime.percent, g.escalation.percent,
                    "\(g.daysLostOnCustomer)", "\(g.daysLostOnUs)", "\(g.daysLostOnApprovers)",
                ]
            })
        let stages = TextTable(
            columns: ["stage", "stays", "median_days", "p25_p75", "sla_days", "over_sla"], rightAligned: [1, 2, 4, 5],
            rows: m.team.stageDurations.map { s in
                [
                    s.name, "\(s.days.count)", s.days.median.map(Reports.number) ?? "–",
                    Reports.quartiles(s.days),
                    s.slaDays.map(Reports.number) ?? "–", s.overSLA.percent,
                ]
            })
        let load = TextTable(
            columns: ["csm", "active", "new_this_quarter", "capacity_per_quarter"], rightAligned: [1, 2, 3],
            rows: m.team.load.map { [$0.csm, "\($0.active)", "\($0.newThisQuarter)", "\($0.capacity)"] })
        switch format {
        case .table:
            return "Onboarding metrics as of \(m.asOf) (days from contract signed: median (p25–p75))\n\n"
                + kpis.text()
                + "\nStage durations against SLA\n\n" + stages.text()
                + "\nLoad per CSM (benchmark: 6–8 new onboardings per quarter)\n\n" + load.text()
        case .csv:
            return try kpis.csv()
        case .markdown:
            return "# Onboarding metrics\n\n_As of \(m.asOf). Days from contract signed: median (p25–p75)._\n\n"
                + kpis.markdown()
                + "\n## Stage durations against SLA\n\n" + stages.markdown()
                + "\n## Load per CSM\n\n_Benchmark: 6–8 new onboardings per CSM per quarter._\n\n" + load.markdown()
        case .json:
            return try Reports.json(m)
        }
    }

    /// A weekly status report a lead can paste into an email.
    func portfolioMarkdown() -> String {
        let rows = portfolio()
        let active = rows.filter { !$0.completed }
        func count(_ r: RAG) -> Int { active.filter { $0.rag == r.rawValue }.count }
        let monday = today - today.weekday
        var out = "# Onboarding status — week of \(monday.iso)\n\n"
        out += "_As of \(today.iso)._ **\(active.count) active onboardings**: "
        out += "\(count(.red)) red, \(count(.amber)) amber, \(count(.green)) green; "
        out += "\(active.filter(\.stalled).count) stalled; \(rows.count - active.count) completed.\n"
        for (rag, heading) in [(RAG.red, "Red"), (.amber, "Amber")] {
            let list = active.filter { $0.rag == rag.rawValue }
            guard !list.isEmpty else { continue }
            out += "\n## \(heading)\n\n"
            for r in list {
                out += "- **\(Reports.md(r.account))** (\(Reports.md(r.csm)), \(r.stage), go-live \(r.goLive)): "
                let more = r.reasons.count > 3 ? "; …" : ""
                out += Reports.md(r.reasons.prefix(3).joined(separator: "; ")) + more + "\n"
            }
        }
        let (_, table) = self.table(.portfolio)
        out += "\n## All accounts\n\n" + table.markdown()
        return out
    }

    public static func number(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }

    static func md(_ s: String) -> String {
        Text.inert(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "*", with: "\\*")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = JSONKeys.encoding
        return Text.inertJSON(String(decoding: try e.encode(value), as: UTF8.self)) + "\n"
    }
}

extension CheckpointState {
    /// One character per state for plain-text strips.
    public var asciiGlyph: String {
        switch self {
        case .achieved: "+"
        case .onTrack: "o"
        case .atRisk: "!"
        case .offTrack: "x"
        }
    }
}

/// A table of text for terminals (aligned by display width), CSV and Markdown. Every cell
/// is made inert first: text from data never reaches a terminal raw.
public struct TextTable {
    public var columns: [String]
    public var rightAligned: Set<Int>
    public var rows: [[String]]

    public init(columns: [String], rightAligned: Set<Int> = [], rows: [[String]]) {
        self.columns = columns
        self.rightAligned = rightAligned
        self.rows = rows.map { $0.map(Text.inert) }
    }

    public func text(maxColumnWidth: Int = 60) -> String {
        // Each cell is measured once; large reports spend their time here.
        let cellWidths = rows.map { $0.map(Text.width) }
        var widths = columns.map(Text.width)
        for r in cellWidths { for (i, w) in r.enumerated() { widths[i] = min(maxColumnWidth, max(widths[i], w)) } }
        func line(_ cells: [String], _ ws: [Int]) -> String {
            var out = ""
            for (i, c) in cells.enumerated() {
                if i > 0 { out += "  " }
                if i == cells.count - 1 && !rightAligned.contains(i) {
                    out += ws[i] <= maxColumnWidth * 3 ? c : Text.truncate(c, to: maxColumnWidth * 3)
                } else {
                    out += Text.pad(c, width: ws[i], to: widths[i], right: rightAligned.contains(i))
                }
            }
            return out
        }
        let header = columns.map { $0.uppercased().replacingOccurrences(of: "_", with: " ") }
        var out = line(header, header.map(Text.width)) + "\n"
        for (r, ws) in zip(rows, cellWidths) { out += line(r, ws) + "\n" }
        if rows.isEmpty { out += "(none)\n" }
        return out
    }

    public func csv() throws -> String {
        let stream = OutputStream(toMemory: ())
        let w = try CSVWriter(stream: stream)
        try w.write(row: columns)
        for r in rows { try w.write(row: r) }
        w.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public func markdown() -> String {
        var out = "| " + columns.joined(separator: " | ") + " |\n"
        out += "|" + columns.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for r in rows { out += "| " + r.map(Reports.md).joined(separator: " | ") + " |\n" }
        return out
    }
}
