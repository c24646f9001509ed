import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    public func render(_ kind: ReportKind, as format: ReportFormat) throws -> String {
        switch (kind, format) {
        case (.stalled, .json):
            var all: [UInt8] = []
            try writeStalledJSON { all.append(contentsOf: $0) }
            return String(decoding: all, as: UTF8.self)
        case (.overdue, .json):
            if let overdueSource { return try ReportJSON.overdueDocument(today: today, overdueSource) }
            return ReportJSON.document(try overdue().map(\.json))
        case (.portfolio, .json):
            var all: [UInt8] = []
            try writePortfolioJSON { all.append(contentsOf: $0) }
            return String(decoding: all, as: UTF8.self)
        case (.metrics, .json): return try Reports.json(metrics())
        case (.metrics, _): return try renderMetrics(format)
        case (.changes, .json):
            var all: [UInt8] = []
            try writeChangesJSON { all.append(contentsOf: $0) }
            return String(decoding: all, as: UTF8.self)
        case (.changes, .markdown): return changesMarkdown()
        case (.portfolio, .markdown): return try portfolioMarkdown()
        default:
            let (title, table) = try self.table(kind)
            switch format {
            case .table: return table.text(maxColumnWidth: maxColumnWidth)
            case .csv: return try table.csv()
            case .markdown:
                return "# \(title)\n\n_As of \(today.iso) · \(plural(table.rows.count, "row"))_\n\n" + table.markdown()
            case .json: fatalError("handled above")
            }
        }
    }

    /// The report as JSON, handed to `emit` in pieces: the overdue report straight from the
    /// store's cursor as it is written, the others rendered whole.
    public func writeJSON(_ kind: ReportKind, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        if kind == .overdue, let overdueSource {
            return try ReportJSON.overdueDocument(today: today, overdueSource, emit: emit)
        }
        if kind == .portfolio { return try writePortfolioJSON(emit: emit) }
        if kind == .stalled { return try writeStalledJSON(emit: emit) }
        if kind == .changes { return try writeChangesJSON(emit: emit) }
        var text = try render(kind, as: .json)
        try text.withUTF8 { try emit(UnsafeRawBufferPointer($0)) }
    }

    func table(_ kind: ReportKind) throws -> (String, TextTable) {
        switch kind {
        case .stalled:
            return (
                "Stalled onboardings",
                TextTable(
                    columns: [
                        "account", "csm", "stage", "rag", "ball_in_court", "days_stalled", "days_in_stage", "sla_days",
                        "arr", "reasons",
                    ],
                    rightAligned: [5, 6, 7, 8], money: [8],
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
                    rows: try overdue().map {
                        [$0.account, $0.csm, $0.lane, $0.task, $0.owner, $0.status, $0.due, "\($0.daysOverdue)"]
                    })
            )
        case .changes:
            return ("What changed \(changesSince?.label ?? "since the start")", changesTable())
        case .portfolio, .metrics:
            return (
                "Portfolio",
                TextTable(
                    columns: [
                        "account", "csm", "segment", "stage", "rag", "checkpoints", "next_due", "go_live", "days_left",
                        "go_live_forecast", "go_live_moved", "arr", "stalled", "ball_in_court", "on_hold_since",
                        "reasons",
                    ],
                    rightAligned: [8, 11], money: [11],
                    rows: try portfolio().map { r in
                        [
                            r.account, r.csm, r.segment, r.stage, r.rag,
                            r.checkpoints.map { CheckpointState(rawValue: $0.state)?.asciiGlyph ?? "?" }.joined(),
                            r.nextDue ?? "", r.goLive, "\(r.daysToGoLive)", r.goLiveForecast,
                            r.goLiveMoves > 0 ? "\(r.goLiveMoves)× from \(r.goLiveBaseline ?? "?")" : "", "\(r.arr)",
                            r.stalled ? "yes" : "", r.ballInCourt ?? "", r.onHoldSince ?? "",
                            r.reasons.joined(separator: "; "),
                        ]
                    })
            )
        }
    }
}
