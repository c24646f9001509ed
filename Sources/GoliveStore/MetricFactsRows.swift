import Foundation
import GRDB
import GoliveDomain

/// Each account's `MetricFacts`, kept in `account_facts.metric_facts` beside the board's
/// facts and written with them, so the metrics read one small row per account. The
/// columns the board's facts already have (CSM, segment, playbook, contract, completion)
/// are read from there; the rest is packed little-endian, 32 bits a number, `none` for
/// an empty day, each list after its length, texts as a byte count and UTF-8.
enum MetricFactsRows {
    static let none = Int32.min

    static func pack(_ m: MetricFacts) -> Data {
        var out = Data(capacity: 128 + 16 * m.stages.count)
        func put(_ v: Int?) {
            withUnsafeBytes(of: (v.map(Int32.init) ?? none).littleEndian) { out.append(contentsOf: $0) }
        }
        func put(_ d: Day?) { put(d?.ordinal) }
        func put(_ s: String) {
            let bytes = Array(s.utf8)
            put(bytes.count)
            out.append(contentsOf: bytes)
        }
        put(m.targetGoLive)
        put(m.firstValueOn)
        put(m.firstValueWorkingDays)
        put(m.goLiveOn)
        put(m.goLiveWorkingDays)
        put(m.goLiveSlip)
        put(m.datesMoved)
        put(m.milestonesOnTime)
        put(m.milestonesLate)
        put(m.customerDone)
        put(m.customerOnTime)
        put(m.onHold ? 1 : 0)
        put(m.openCheckpointDues.count)
        for d in m.openCheckpointDues { put(d) }
        put(m.openCustomerDues.count)
        for d in m.openCustomerDues { put(d) }
        put(m.lateSpans.count)
        for s in m.lateSpans {
            put(Lane.allCases.firstIndex(of: s.lane) ?? 0)
            put(s.from)
            put(s.to)
        }
        put(m.stages.count)
        for s in m.stages {
            put(s.slaDays)
            put(s.entered)
            put(s.left)
            put(s.key)
            put(s.name)
        }
        return out
    }

    /// Reads back what `pack` wrote; nil when the bytes end early or a count is out of
    /// bounds (a damaged page): the caller then reads that account whole.
    static func unpack(
        _ data: Data, id: Int64, csm: String, segment: Segment, playbook: String, contractSigned: Day,
        completedOn: Day?, goLiveMoves: Int
    ) -> MetricFacts? {
        data.withUnsafeBytes { raw -> MetricFacts? in
            var at = 0
            var broken = false
            func int() -> Int32 {
                guard at + 4 <= raw.count else {
                    broken = true
                    return 0
                }
                defer { at += 4 }
                return Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self))
            }
            func number() -> Int? {
                let v = int()
                return v == none ? nil : Int(v)
            }
            func day() -> Day? { number().map(Day.init(ordinal:)) }
            func count() -> Int {
                let n = Int(int())
                if n < 0 || n * 4 > raw.count - at { broken = true }
                return broken ? 0 : n
            }
            func text() -> String {
                let n = count()
                defer { at += n }
                return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + n]), as: UTF8.self)
            }
            let target = day()
            let firstValue = day()
            let firstValueWorking = number()
            let goLive = day()
            let goLiveWorking = number()
            let slip = number() ?? 0
            let moved = number() ?? 0
            let onTime = number() ?? 0
            let late = number() ?? 0
            let customerDone = number() ?? 0
            let customerOnTime = number() ?? 0
            let onHold = number() == 1
            let checkpointDues = (0..<count()).compactMap { _ in day() }
            let customerDues = (0..<count()).compactMap { _ in day() }
            let spans = (0..<count()).compactMap { _ -> LateSpan? in
                let lane = Int(int())
                guard let from = day(), Lane.allCases.indices.contains(lane) else { return nil }
                return LateSpan(lane: Lane.allCases[lane], from: from, to: day())
            }
            let stages = (0..<count()).compactMap { _ -> StageStay? in
                let sla = number() ?? 0
                let entered = day()
                let left = day()
                let key = text()
                let name = text()
                return entered.map { StageStay(key: key, name: name, slaDays: sla, entered: $0, left: left) }
            }
            guard !broken, at == raw.count, let target else { return nil }
            return MetricFacts(
                id: id, csm: csm, segment: segment, playbook: playbook, contractSigned: contractSigned,
                targetGoLive: target, completedOn: completedOn, onHold: onHold, firstValueOn: firstValue,
                firstValueWorkingDays: firstValueWorking, goLiveOn: goLive, goLiveWorkingDays: goLiveWorking,
                goLiveSlip: slip, goLiveMoves: goLiveMoves, datesMoved: moved, milestonesOnTime: onTime,
                milestonesLate: late, openCheckpointDues: checkpointDues, customerDone: customerDone,
                customerOnTime: customerOnTime, openCustomerDues: customerDues, lateSpans: spans, stages: stages)
        }
    }

    /// Every account's metric facts, one pass over the facts table; an account whose
    /// packed facts cannot be read is read whole instead.
    static func all(_ db: Database) throws -> [MetricFacts] {
        var out: [MetricFacts] = []
        var unreadable: [Int64] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT account_id, csm, segment, playbook, contract_signed, completed_on, go_live_moves, metric_facts
                FROM account_facts
                """)
        while let r = try rows.next() {
            try r.requireValues([0, 1, 2, 3, 4], in: "account_facts")
            let id: Int64 = r[0]
            guard let data = r[7] as Data?,
                let m = unpack(
                    data, id: id, csm: r[1], segment: try r.word(2, "account_facts.segment"), playbook: r[3],
                    contractSigned: Day(ordinal: r[4]), completedOn: (r[5] as Int?).map(Day.init(ordinal:)),
                    goLiveMoves: r[6] ?? 0)
            else {
                unreadable.append(id)
                continue
            }
            out.append(m)
        }
        if !unreadable.isEmpty { out += try Rows.accounts(db, ids: unreadable).map(\.metricFacts) }
        return out
    }
}
