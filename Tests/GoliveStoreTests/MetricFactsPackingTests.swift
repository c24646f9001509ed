import Foundation
import GoliveDomain
import Testing

@testable import GoliveStore

/// The packed metric facts read back as written — no account falls back to being read
/// whole — and damaged bytes are refused rather than misread.
struct MetricFactsPackingTests {
    static func facts() -> MetricFacts {
        var a = sampleAccount(id: 7, name: "Zürich Re 東京")
        a.stages[0].name = "Transition to success, with a long name — and accents: éàü 東京"
        return a.metricFacts
    }

    func unpack(_ data: Data, _ m: MetricFacts) -> MetricFacts? {
        MetricFactsRows.unpack(
            data, id: m.id, csm: m.csm, segment: m.segment, playbook: m.playbook, contractSigned: m.contractSigned,
            completedOn: m.completedOn, goLiveMoves: m.goLiveMoves)
    }

    @Test func packedFactsReadBackTheSame() {
        var m = Self.facts()
        m.lateSpans = [
            LateSpan(lane: .customer, from: Day(iso: "2026-01-05")!, to: Day(iso: "2026-01-09")!),
            LateSpan(lane: .approval, from: Day(iso: "2026-01-07")!, to: nil),
        ]
        m.openCustomerDues = [Day(iso: "2026-01-10")!]
        m.firstValueOn = Day(iso: "2026-01-20")
        m.firstValueWorkingDays = 17
        #expect(!m.stages.isEmpty)
        #expect(unpack(MetricFactsRows.pack(m), m) == m)
    }

    @Test func theHoldsFirstDayAndTheGoLiveForecastReadBack() {
        var m = Self.facts()
        m.heldSince = Day(iso: "2026-01-12")
        m.goLiveForecast = Schedule.Terms(fixed: Day(iso: "2026-03-01")!, afterDay: 19)
        let back = unpack(MetricFactsRows.pack(m), m)
        #expect(back == m)
        #expect(back?.onHold == true)
        #expect(!m.checkpoints.isEmpty)
    }

    @Test func damagedBytesAreRefused() {
        let m = Self.facts()
        let data = MetricFactsRows.pack(m)
        for cut in [1, 4, 9, data.count / 2] {
            #expect(unpack(data.dropLast(cut), m) == nil, "cut \(cut)")
        }
        #expect(unpack(data + Data([0, 0, 0, 0]), m) == nil)
    }
}
