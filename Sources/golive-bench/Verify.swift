import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// The board's correctness at the measured scale: every account's stored facts and rule
/// view equal those computed from the whole account, and give the rules' strip, RAG,
/// reasons and stalled mark on days around the seeding day. Accounts are read in batches so 100,000 fit in memory.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every account's stored facts against its whole record; print counts as JSON.")
    @Option var store: String

    func run() throws {
        let s = try Store(path: store, mode: .readOnly)
        let stored = Dictionary(uniqueKeysWithValues: try s.facts().map { ($0.id, $0) })
        let storedMetrics = Dictionary(uniqueKeysWithValues: try s.metricFacts().map { ($0.id, $0) })
        var whole: [MetricFacts] = []
        let ids = try s.accountIDs()
        var checked = 0
        var wrong = 0
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            let batch = Array(ids[start..<min(ids.count, start + 2_000)])
            let views = Dictionary(uniqueKeysWithValues: try s.ruleViews(ids: batch).map { ($0.id, $0) })
            for a in try s.accounts(ids: batch) {
                checked += 1
                let f = a.facts
                whole.append(a.metricFacts)
                // The kept rule view (what the portfolio and stalled reports read) too.
                let view = views[a.id]
                var same = stored[a.id] == f && storedMetrics[a.id] == a.metricFacts && view == a.ruleView
                for offset in stride(from: -30, through: 30, by: 5) where same {
                    let day = asOf + offset
                    let status = a.status(asOf: day)
                    let strip = f.strip(asOf: day)
                    let stall = a.stall(asOf: day)
                    let plan = a.schedule(asOf: day)
                    same =
                        f.ballInCourt(asOf: day) == (a.isActive ? plan.ballInCourt.court : nil)
                        && f.goLiveForecast(asOf: day) == plan.goLiveForecast
                        && strip == status.checkpoints.map(\.state) && f.rag(strip: strip, asOf: day) == status.rag
                        && f.stall(asOf: day) == stall.map { StallMark(ballInCourt: $0.ballInCourt, days: $0.days) }
                        && view?.status(asOf: day) == status && view?.stall(asOf: day) == stall
                }
                if !same { wrong += 1 }
            }
        }
        // The metrics from the kept facts are those from every whole account, on days around.
        var metricsDiffer = 0
        let escalated = try s.everEscalated()
        let resolve = try s.escalationResolveDays()
        for offset in stride(from: -30, through: 30, by: 15) {
            let day = asOf + offset
            let kept = Reports(
                metricFacts: storedMetrics.values.sorted { $0.id < $1.id }, everEscalated: escalated,
                resolveDays: resolve, today: day)
            let computed = Reports(metricFacts: whole, everEscalated: escalated, resolveDays: resolve, today: day)
            if try kept.render(.metrics, as: .json) != computed.render(.metrics, as: .json) { metricsDiffer += 1 }
        }
        print(
            "{\"checked\": \(checked), \"wrong\": \(wrong), \"facts\": \(stored.count), "
                + "\"metrics_differ\": \(metricsDiffer)}")
        if wrong > 0 || checked != stored.count || metricsDiffer > 0 { throw ExitCode(1) }
    }
}
