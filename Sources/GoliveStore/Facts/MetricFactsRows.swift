import Foundation
import GRDB
import GoliveDomain

/// Each account's `MetricFacts`, kept in `account_facts.metric_facts` beside the board's
/// facts and written with them, so the metrics read one small row per account. The
/// columns the board's facts already have (CSM, segment, playbook, contract, completion)
/// are read from there; the rest is packed little-endian, 32 bits a number, `none` for
/// an empty day, each list after its length, texts as a byte count and UTF-8.
enum MetricFactsRows {
    static let none = PackedWriter.none

    static func pack(_ m: MetricFacts) -> Data {
        var w = PackedWriter(capacity: 128 + 16 * m.stages.count + 32 * m.checkpoints.count)
        func put(_ v: Int?) { w.put(v) }
        func put(_ d: Day?) { w.put(d) }
        func put(_ s: String) { w.put(s) }
        put(m.targetGoLive)
        put(m.firstValueOn)
        put(m.firstValueWorkingDays)
        put(m.goLiveOn)
        put(m.goLiveWorkingDays)
        put(m.goLiveBaseline)
        put(m.goLiveForecast?.fixed)
        put(m.goLiveForecast?.afterDay)
        put(m.datesMoved)
        put(m.customerDone)
        put(m.customerOnTime)
        put(m.heldSince)
        put(m.checkpoints.count)
        for c in m.checkpoints {
            put(c.due)
            put(c.achievedOn)
            put(c.key)
            put(c.name)
        }
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
        return w.out
    }

    /// Reads back what `pack` wrote; nil when the bytes end early or a count is out of
    /// bounds (a damaged page): the caller then reads that account whole.
    static func unpack(
        _ data: Data, id: Int64, csm: String, segment: Segment, playbook: String, contractSigned: Day,
        completedOn: Day?, goLiveMoves: Int
    ) -> MetricFacts? {
        data.withUnsafeBytes { raw -> MetricFacts? in
            var r = PackedReader(raw: raw)
            let target = r.day()
            let firstValue = r.day()
            let firstValueWorking = r.number()
            let goLive = r.day()
            let goLiveWorking = r.number()
            let baseline = r.day()
            let forecastFixed = r.day()
            let forecastAfterDay = r.number()
            let moved = r.number() ?? 0
            let customerDone = r.number() ?? 0
            let customerOnTime = r.number() ?? 0
            let heldSince = r.day()
            var checkpoints: [CheckpointOutcome] = []
            for _ in 0..<r.count(16) {
                let due = r.day()
                let achieved = r.day()
                let key = r.text()
                let name = r.text()
                if let due {
                    checkpoints.append(CheckpointOutcome(key: key, name: name, due: due, achievedOn: achieved))
                }
            }
            var customerDues: [Day] = []
            for _ in 0..<r.count() { if let d = r.day() { customerDues.append(d) } }
            var spans: [LateSpan] = []
            let lanes = Lane.allCases
            for _ in 0..<r.count(12) {
                let lane = Int(r.int())
                let from = r.day()
                let to = r.day()
                if let from, lanes.indices.contains(lane) {
                    spans.append(LateSpan(lane: lanes[lane], from: from, to: to))
                }
            }
            var stages: [StageStay] = []
            for _ in 0..<r.count(20) {
                let sla = r.number() ?? 0
                let entered = r.day()
                let left = r.day()
                let key = r.text()
                let name = r.text()
                if let entered {
                    stages.append(StageStay(key: key, name: name, slaDays: sla, entered: entered, left: left))
                }
            }
            guard !r.broken, r.at == raw.count, let target, let baseline else { return nil }
            let forecast = forecastFixed.map { Schedule.Terms(fixed: $0, afterDay: forecastAfterDay ?? 0) }
            return MetricFacts(
                id: id, csm: csm, segment: segment, playbook: playbook, contractSigned: contractSigned,
                targetGoLive: target, completedOn: completedOn, heldSince: heldSince, firstValueOn: firstValue,
                firstValueWorkingDays: firstValueWorking, goLiveOn: goLive, goLiveWorkingDays: goLiveWorking,
                goLiveBaseline: baseline, goLiveForecast: forecast, goLiveMoves: goLiveMoves, datesMoved: moved,
                checkpoints: checkpoints, customerDone: customerDone,
                customerOnTime: customerOnTime, openCustomerDues: customerDues, lateSpans: spans, stages: stages)
        }
    }

    static let columns =
        "account_id, csm, segment, playbook, contract_signed, completed_on, go_live_moves, metric_facts"

    /// Every account's metric facts, one pass over the facts table, unpacked on every core;
    /// an account whose packed facts cannot be read is read whole instead.
    static func all(_ db: Database, ids: [Int64]? = nil) throws -> [MetricFacts] {
        let filter = ids.map { " WHERE account_id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        return try RowBatches.map(db, sql: "SELECT \(columns) FROM account_facts\(filter)", make) { id in
            try Rows.accounts(db, ids: [id]).first?.metricFacts
        }
    }

    /// The same on a team store.
    static func all(_ pg: PostgresConnection, ids: [Int64]? = nil) throws -> [MetricFacts] {
        let filter = ids == nil ? "" : " WHERE account_id = ANY(string_to_array(?, ',')::bigint[])"
        let values: [(any DatabaseValueConvertible)?] = ids.map { [$0.map(String.init).joined(separator: ",")] } ?? []
        var out: [MetricFacts] = []
        var unreadable: [Int64] = []
        try pg.each("SELECT \(columns) FROM account_facts\(filter) ORDER BY account_id", values) { r in
            if let facts = try make(r) { out.append(facts) } else { unreadable.append(r[0]) }
        }
        for id in unreadable { if let f = try Rows.accounts(pg, ids: [id]).first?.metricFacts { out.append(f) } }
        return out
    }

    /// One row of `columns`; nil when its packed facts cannot be read.
    private static func make(_ r: some StoreRow) throws -> MetricFacts? {
        try r.requireValues([0, 1, 2, 3, 4], in: "account_facts")
        guard let data = r[7] as Data? else { return nil }
        return unpack(
            data, id: r[0], csm: r[1], segment: try r.word(2, "account_facts.segment"), playbook: r[3],
            contractSigned: Day(ordinal: r[4]), completedOn: (r[5] as Int?).map(Day.init(ordinal:)),
            goLiveMoves: r[6] ?? 0)
    }
}
