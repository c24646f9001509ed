import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// The board's correctness at the measured scale: every account's stored facts equal those
/// computed from the whole account, and give the rules' strip, RAG and stalled mark on days
/// around the seeding day. Accounts are read in batches so 100,000 fit in memory.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every account's stored facts against its whole record; print counts as JSON.")
    @Option var store: String

    func run() throws {
        let s = try Store(path: store, mode: .readOnly)
        let stored = Dictionary(uniqueKeysWithValues: try s.facts().map { ($0.id, $0) })
        let ids = try s.accountIDs()
        var checked = 0
        var wrong = 0
        for start in stride(from: 0, to: ids.count, by: 2_000) {
            for a in try s.accounts(ids: Array(ids[start..<min(ids.count, start + 2_000)])) {
                checked += 1
                let f = a.facts
                var same = stored[a.id] == f
                for offset in stride(from: -30, through: 30, by: 5) where same {
                    let day = asOf + offset
                    let status = a.status(asOf: day)
                    let strip = f.strip(asOf: day)
                    same =
                        strip == status.checkpoints.map(\.state) && f.rag(strip: strip, asOf: day) == status.rag
                        && f.stall(asOf: day)
                            == a.stall(asOf: day).map { StallMark(ballInCourt: $0.ballInCourt, days: $0.days) }
                }
                if !same { wrong += 1 }
            }
        }
        print("{\"checked\": \(checked), \"wrong\": \(wrong), \"facts\": \(stored.count)}")
        if wrong > 0 || checked != stored.count { throw ExitCode(1) }
    }
}
