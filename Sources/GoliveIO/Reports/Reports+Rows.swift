import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    /// Stalled accounts, most ARR at stake first.
    public func stalled() -> [StalledRow] {
        let today = self.today
        let keptRAG = self.keptRAG
        return accounts.stripedMap { a -> StalledRow? in
            guard let s = a.stall(asOf: today) else { return nil }
            return StalledRow(
                account: a.name, csm: a.csm, segment: a.segment.rawValue, stage: a.stage.name,
                rag: (keptRAG?[a.id] ?? a.status(asOf: today).rag).rawValue, reasons: s.reasons.map(\.text),
                ballInCourt: s.ballInCourt.rawValue, daysStalled: s.days,
                daysInStage: a.daysInStage(asOf: today), slaDays: a.stage.slaDays, arr: a.arr,
                escalated: a.escalation != nil)
        }.compactMap { $0 }.sorted { ($1.arr, $0.account) < ($0.arr, $1.account) }
    }

    /// The stalled report as JSON, handed to `emit` in pieces, each row written on
    /// whichever core has it.
    func writeStalledJSON(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let rows = stalled()
        let written = rows.stripedMap { r in
            var json: [UInt8] = []
            r.writeJSON(indent: 2, into: &json)
            return json
        }
        try ReportJSON.document(objects: written, order: Array(rows.indices), emit: emit)
    }

    func writeChangesJSON(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let rows = changes ?? []
        let written = rows.stripedMap { c in
            var json: [UInt8] = []
            ChangeRow(c).writeJSON(indent: 2, into: &json)
            return json
        }
        try ReportJSON.document(objects: written, order: Array(rows.indices), emit: emit)
    }

    /// Unfinished tasks past due, most overdue first, then by account and task as their
    /// UTF-8 bytes compare (the store's order, so a report read from its query and one
    /// computed from whole accounts list ties alike).
    public func overdue() throws -> [OverdueRow] {
        if let overdueSource {
            var rows: [OverdueRow] = []
            try overdueSource { t in
                rows.append(
                    OverdueRow(
                        account: t.text(.account), csm: t.text(.csm), lane: t.text(.lane),
                        task: t.text(.title), owner: t.text(.owner), status: t.text(.status),
                        due: t.due.iso, daysOverdue: today - t.due))
            }
            return rows
        }
        return accounts.filter(\.isActive).flatMap { a in
            a.tasks.filter { $0.daysOverdue(asOf: today) > 0 }.map { t in
                OverdueRow(
                    account: a.name, csm: a.csm, lane: t.lane.rawValue, task: t.title, owner: t.owner,
                    status: t.status.rawValue, due: t.due.iso, daysOverdue: t.daysOverdue(asOf: today))
            }
        }.sorted { x, y in
            if x.daysOverdue != y.daysOverdue { return x.daysOverdue > y.daysOverdue }
            if x.account != y.account { return x.account.utf8.lexicographicallyPrecedes(y.account.utf8) }
            return x.task.utf8.lexicographicallyPrecedes(y.task.utf8)
        }
    }

    /// Every account, worst RAG first, then nearest go-live.
    public func portfolio() throws -> [PortfolioRow] {
        let today = self.today
        if let (store, csm) = portfolioStore {
            var rows: [PortfolioRow] = []
            try forEachListed(in: store, csm: csm) {
                Reports.portfolioRow($0, today: today).row
            } each: {
                rows += $0
            }
            return rows
        }
        let rows = try accounts.stripedMap { Reports.portfolioRow($0, today: today) }
        let keys = rows.indices.map { (rows[$0].rag, accounts[$0].goLive, rows[$0].row.account) }
        return Reports.portfolioOrder(keys).map { rows[$0].row }
    }

    /// The portfolio as JSON, handed to `emit` in pieces: each account's row worked out and
    /// written on whichever core has it, read from the store in the order the accounts' kept
    /// facts give, so that each batch is written out as soon as it is made. The same bytes
    /// as the rows through `ReportJSON.document`.
    func writePortfolioJSON(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let today = self.today
        func json(_ row: PortfolioRow) -> [UInt8] {
            var json: [UInt8] = []
            json.reserveCapacity(4096)
            row.writeJSON(indent: 2, into: &json)
            return json
        }
        guard let (store, csm) = portfolioStore else {
            let written = try accounts.stripedMap { a in
                let (rag, row) = Reports.portfolioRow(a, today: today)
                return (rag: rag, goLive: a.goLive, account: row.account, json: json(row))
            }
            return try ReportJSON.document(
                objects: written.map(\.json),
                order: Reports.portfolioOrder(written.map { ($0.rag, $0.goLive, $0.account) }),
                emit: emit)
        }
        var pieces = ReportJSON.Pieces()
        try forEachListed(in: store, csm: csm) {
            json(Reports.portfolioRow($0, today: today).row)
        } each: { objects in
            for o in objects { try pieces.add(o, emit: emit) }
        }
        try pieces.finish(emit: emit)
    }

    /// What `transform` makes of each account the portfolio lists, handed to `each` a batch
    /// at a time in the portfolio's order, as soon as the batch is made.
    private func forEachListed<T>(
        in store: Store, csm: String?, _ transform: (PortfolioAccount) throws -> T, each: ([T]) throws -> Void
    ) throws {
        let today = self.today
        func order(_ facts: [AccountFacts]) -> [Int64] { Reports.portfolioOrder(of: facts, csm: csm, today: today) }
        try store.forEachInPortfolio(asOf: today, orderedBy: order, transform, each: each)
    }

    /// The ids of the accounts the portfolio lists, in its order, from their kept facts
    /// (whose RAG is the rules' on the whole account, as the board's is).
    static func portfolioOrder(of facts: [AccountFacts], csm: String?, today: Day) -> [Int64] {
        let listed = csm.map { c in facts.filter { isOf(csm: c, $0.csm) } } ?? facts
        let keys = listed.map { f in
            (rag: f.rag(strip: f.strip(asOf: today), asOf: today), goLive: f.goLive, account: f.name)
        }
        return portfolioOrder(keys).map { listed[$0].id }
    }

    /// Worst RAG first, then nearest go-live, then by name, then as read (by id).
    static func portfolioOrder(_ keys: [(rag: RAG, goLive: Day, account: String)]) -> [Int] {
        // Sorted by index: moving 10,000 rows of texts about costs more than comparing them,
        // and the names are compared only where colour and go-live tie.
        keys.withUnsafeBufferPointer { k in
            k.indices.sorted { i, j in
                if k[i].rag != k[j].rag { return k[i].rag > k[j].rag }
                if k[i].goLive != k[j].goLive { return k[i].goLive < k[j].goLive }
                if k[i].account != k[j].account { return k[i].account < k[j].account }
                return i < j
            }
        }
    }

    /// One account's portfolio row, with the RAG it is ordered by.
    static func portfolioRow(_ account: PortfolioAccount, today: Day) -> (rag: RAG, row: PortfolioRow) {
        switch account {
        case .ruled(let a): return portfolioRow(a, today: today)
        case .green(let f, let checkpoints): return portfolioRow(green: f, checkpoints: checkpoints, today: today)
        }
    }

    static func portfolioRow(_ a: Account, today: Day) -> (rag: RAG, row: PortfolioRow) {
        let plan = a.schedule(asOf: today)
        let st = a.status(asOf: today, schedule: plan)
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
                        state: $0.state.rawValue, achievedOn: $0.checkpoint.achievedOn?.iso,
                        forecast: plan.forecast(of: $0.checkpoint).iso)
                },
                nextDue: next.map { "\($0.title) (\($0.due.iso))" }, goLive: a.goLive.iso,
                daysToGoLive: a.goLive - today,
                arr: a.arr, stalled: a.stall(asOf: today) != nil, completed: !a.isActive,
                onHoldSince: a.currentHold?.from.iso, goLiveBaseline: a.goLivePlan?.baseline.iso,
                goLiveMoves: a.goLiveMoves, goLiveForecast: plan.goLiveForecast.iso,
                ballInCourt: a.isActive ? plan.ballInCourt.court.rawValue : nil)
        )
    }

    /// The row of an account its facts show green: the one its rule view gives, since green
    /// means no reasons, and the facts hold the rest (their strip in its checkpoints' order).
    static func portfolioRow(green f: AccountFacts, checkpoints: [Checkpoint], today: Day) -> (
        rag: RAG, row: PortfolioRow
    ) {
        let strip = f.strip(asOf: today)
        return (
            .green,
            PortfolioRow(
                account: f.name, csm: f.csm, segment: f.segment.rawValue, stage: f.stageName,
                rag: RAG.green.rawValue, reasons: [],
                checkpoints: zip(checkpoints, strip).map { c, state in
                    // Green: nothing slips, so each is met on its due date (or was, when achieved).
                    CheckpointRow(
                        name: c.name, due: c.due.iso, state: state.rawValue, achievedOn: c.achievedOn?.iso,
                        forecast: (c.achievedOn ?? c.due).iso)
                },
                nextDue: f.nextTitle.flatMap { t in f.nextDue.map { "\(t) (\($0.iso))" } }, goLive: f.goLive.iso,
                daysToGoLive: f.goLive - today,
                arr: f.arr, stalled: f.stall(asOf: today) != nil, completed: !f.isActive,
                onHoldSince: f.heldSince?.iso, goLiveBaseline: f.goLiveBaseline?.iso,
                goLiveMoves: f.goLiveMoves, goLiveForecast: f.goLiveForecast(asOf: today).iso,
                ballInCourt: f.ballInCourt(asOf: today)?.rawValue)
        )
    }

    public func metrics() -> MetricsReport {
        let facts = metricFacts ?? accounts.map(\.metricFacts)
        // Each account's part worked out once, then added into each group it is in.
        let tallies = MetricTallies(
            facts: facts, everEscalated: everEscalated, resolveDays: resolveDays, capacity: capacity, asOf: today)
        func group(_ d: MetricsDimension) -> [Metrics] {
            Dictionary(grouping: facts.indices, by: { d.key(facts[$0]) }).sorted { $0.key < $1.key }.map {
                tallies.metrics(group: $0.key, indices: $0.value)
            }
        }
        // The team and each way of grouping it are independent sums: shared among the cores.
        let parts = [MetricsDimension?.none, .csm, .segment, .playbook].stripedMap(minimumPerStripe: 1) { d in
            d.map(group) ?? [tallies.metrics(group: "team")]
        }
        return MetricsReport(
            asOf: today.iso, team: parts[0][0], byCsm: parts[1], bySegment: parts[2], byPlaybook: parts[3],
            periods: PeriodComparison.compute(
                period, tallies: tallies, signed: facts.map(\.contractSigned), asOf: today))
    }
}
