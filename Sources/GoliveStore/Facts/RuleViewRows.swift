import Foundation
import GRDB
import GoliveDomain

/// Each account's `ruleView`, kept packed in `account_rule_views` and written with the
/// board's facts: the portfolio and stalled reports read 10,000 of these instead of the
/// 500,000 tasks whose finished majority no rule looks at. The account columns the facts
/// table already has are read from there; the rest is packed as `PackedWriter` writes.
enum RuleViewRows {
    static let createTable = """
        CREATE TABLE account_rule_views (
            account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
            rule_view BLOB NOT NULL);
        """

    static func save(_ a: Account, _ connection: StoreConnection) throws {
        try connection.run(
            "INSERT OR REPLACE INTO account_rule_views (account_id, rule_view) VALUES (?, ?)", [a.id, pack(a.ruleView)])
    }

    /// Lists go in the order `Rows.accounts` reads them back from the tables (an account
    /// changed in memory may hold them otherwise), so a view equals the stored account's.
    static func pack(_ a: Account) -> Data {
        var w = PackedWriter(capacity: 256 + 96 * a.tasks.count + 64 * a.checkpoints.count)
        w.put(a.salesOwner)
        w.put(a.targetGoLive)
        w.put(a.goLivePlan?.baseline)
        w.put(a.goLivePlan?.moves)
        w.put(optional: a.escalation?.reason)
        if let e = a.escalation {
            w.put(e.by)
            w.put(e.on)
            w.put(optional: e.to)
        }
        w.put(a.holds.count)
        for h in a.holds {
            w.put(h.reason)
            w.put(h.by)
            w.put(h.from)
            w.put(h.expectedResume)
            w.put(h.resumedOn)
            w.put(optional: h.resumeNote)
        }
        w.put(a.handoff.goals)
        w.put(a.handoff.requirements)
        w.put(a.handoff.promises)
        w.put(a.handoff.stakeholders.count)
        for s in a.handoff.stakeholders {
            w.put(s.role)
            w.put(s.name)
            w.put(optional: s.contact)
        }
        w.put(a.stageIndex)
        w.put(a.stages.count)
        for s in a.stages {
            w.put(s.key)
            w.put(s.name)
            w.put(s.slaDays)
            w.put(s.enteredOn)
            w.put(s.leftOn)
            w.put(optional: s.overrideReason)
        }
        w.put(a.checkpoints.count)
        for c in a.checkpoints.sorted(by: { ($0.due, $0.id) < ($1.due, $1.id) }) { w.put(c) }
        w.put(a.tasks.count)
        for t in a.tasks.sorted(by: { $0.id < $1.id }) {
            var sorted = t
            sorted.dependsOn.sort()
            w.put(sorted)
        }
        w.put(a.touchpoints.count)
        for p in a.touchpoints.sorted(by: { ($0.on, $0.id) < ($1.on, $1.id) }) { w.put(p) }
        return w.out
    }

    /// The columns a rule view is rebuilt from (the facts' and its own), in the order
    /// `unpack` takes them.
    static let columns = """
        f.account_id, f.name, f.segment, f.arr, f.csm, f.version, f.playbook, f.contract_signed, f.completed_on,
        f.last_activity, v.rule_view
        """

    /// Reads back what `pack` wrote; nil when the bytes end early, a count is out of bounds
    /// or a word is unknown (a damaged page): the caller then reads that account whole.
    static func unpack(_ r: some StoreRow, thresholds: [String: Thresholds]) throws -> Account? {
        try read(r, thresholds: thresholds, work: true)
    }

    /// The checkpoints alone, read without the tasks and touchpoints packed after them.
    static func checkpoints(_ r: some StoreRow, thresholds: [String: Thresholds]) throws -> [Checkpoint]? {
        try read(r, thresholds: thresholds, work: false)?.checkpoints
    }

    /// The account as packed, through its checkpoints, and its tasks and touchpoints too
    /// when `work`; nil when the bytes cannot be read.
    private static func read(_ r: some StoreRow, thresholds: [String: Thresholds], work: Bool) throws -> Account? {
        guard let data = r[10] as Data? else { return nil }
        var a = try header(r, thresholds: thresholds)
        let complete = data.withUnsafeBytes { raw -> Bool in
            var p = PackedReader(raw: raw)
            readPlan(&p, into: &a)
            guard work else { return !p.broken }
            readWork(&p, into: &a)
            return !p.broken && p.at == raw.count && a.stages.indices.contains(a.stageIndex)
        }
        return complete ? a : nil
    }

    private static func header(_ r: some StoreRow, thresholds: [String: Thresholds]) throws -> Account {
        try r.requireValues([0, 1, 2, 3, 4, 5, 6, 7, 9], in: "account_facts")
        let playbook: String = r[6]
        var a = Account(
            id: r[0], name: r[1], segment: try r.word(2, "account_facts.segment"), arr: r[3], csm: r[4],
            salesOwner: "", contractSigned: Day(ordinal: r[7]), targetGoLive: Day(ordinal: r[7]), playbook: playbook,
            completedOn: (r[8] as Int?).map(Day.init(ordinal:)), lastActivity: Day(ordinal: r[9]),
            thresholds: thresholds[playbook] ?? Thresholds(), stages: [])
        a.version = r[5]
        return a
    }

    /// Everything up to and including the checkpoints.
    private static func readPlan(_ p: inout PackedReader, into a: inout Account) {
        a.salesOwner = p.text()
        a.targetGoLive = p.day() ?? a.targetGoLive
        let baseline = p.day()
        let moves = p.number() ?? 0
        a.goLivePlan = baseline.map { Replan(baseline: $0, moves: moves) }
        if let reason = p.optionalText() {
            a.escalation = Escalation(reason: reason, by: p.text(), on: p.day() ?? a.lastActivity, to: p.optionalText())
        }
        a.holds = (0..<p.count(24)).map { _ in
            Hold(
                reason: p.text(), by: p.text(), from: p.day() ?? a.contractSigned,
                expectedResume: p.day() ?? a.contractSigned, resumedOn: p.day(), resumeNote: p.optionalText())
        }
        a.handoff = Handoff(goals: p.text(), requirements: p.text(), promises: p.text())
        a.handoff.stakeholders = (0..<p.count(12)).map { _ in
            Stakeholder(role: p.text(), name: p.text(), contact: p.optionalText())
        }
        a.stageIndex = p.number() ?? 0
        a.stages = (0..<p.count(24)).map { _ in
            Stage(
                key: p.text(), name: p.text(), slaDays: p.number() ?? 0, enteredOn: p.day(), leftOn: p.day(),
                overrideReason: p.optionalText())
        }
        a.checkpoints = (0..<p.count(48)).map { _ in p.checkpoint(or: a.contractSigned) }
    }

    /// The tasks and touchpoints, after `readPlan`.
    private static func readWork(_ p: inout PackedReader, into a: inout Account) {
        a.tasks = (0..<p.count(56)).map { _ in p.task(or: a.contractSigned) }
        a.touchpoints = (0..<p.count(36)).map { _ in p.touchpoint(or: a.contractSigned) }
    }

    /// Every account's rule view (or those of `ids`), in id order, in one pass over the
    /// facts table; an account whose packed view cannot be read is read whole instead.
    static func all(_ db: Database, ids: [Int64]? = nil) throws -> [Account] {
        try map(db, ids: ids) { $0 }
    }

    /// Every account's rule view (or those of `ids`) on a team store, in id order.
    static func all(_ pg: PostgresConnection, ids: [Int64]? = nil) throws -> [Account] {
        let filter = ids == nil ? "" : " WHERE f.account_id = ANY(string_to_array(?, ',')::bigint[])"
        let values: [(any DatabaseValueConvertible)?] = ids.map { [$0.map(String.init).joined(separator: ",")] } ?? []
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(pg).map { ($0.name, $0.thresholds) })
        var out: [Account] = []
        var unreadable: [Int64] = []
        try pg.each(
            """
            SELECT \(columns) FROM account_facts f LEFT JOIN account_rule_views v ON v.account_id = f.account_id\(filter)
            ORDER BY f.account_id
            """, values
        ) { r in
            if let view = try unpack(r, thresholds: thresholds) { out.append(view) } else { unreadable.append(r[0]) }
        }
        // A view that cannot be read is the account read whole, as on a file.
        out += try Rows.accounts(pg, ids: unreadable).map(\.ruleView)
        return unreadable.isEmpty ? out : out.sorted { $0.id < $1.id }
    }

    /// What `transform` makes of each account's rule view, in id order: `batch` rows are
    /// read at a time and each batch is cut among the cores, every account unpacked,
    /// transformed and let go on the same thread, so a report of every account holds no
    /// more than one batch of them and works on all cores.
    static func map<T>(
        _ db: Database, ids: [Int64]? = nil, batch size: Int = 1024, _ transform: (Account) throws -> T
    ) throws -> [T] {
        let filter = ids.map { " WHERE f.account_id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(db).map { ($0.name, $0.thresholds) })
        return try RowBatches.map(
            db,
            sql: """
                SELECT \(columns) FROM account_facts f LEFT JOIN account_rule_views v ON v.account_id = f.account_id\(filter)
                ORDER BY f.account_id
                """, batch: size
        ) { r in
            try unpack(r, thresholds: thresholds).map(transform)
        } whole: { id in
            try Rows.accounts(db, ids: [id]).first.map { try transform($0.ruleView) }
        }
    }

    /// What `transform` makes of the accounts of `ids` as the portfolio needs them, in that
    /// order (not the ids'), handed to `each` a batch at a time as `RowBatches.forEach` does:
    /// an account in `green` with its facts there and its checkpoints alone, the others
    /// with their rule views.
    static func forEachInPortfolio<T>(
        _ db: Database, inOrder ids: [Int64], green: [Int64: AccountFacts], batch size: Int = 1024,
        _ transform: (PortfolioAccount) throws -> T, each: ([T]) throws -> Void
    ) throws {
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(db).map { ($0.name, $0.thresholds) })
        // The ids go over as one JSON array, scanned in its order as the outer loop: an ORDER
        // BY its keys would have SQLite sort every row (rule views and all) before giving the
        // first, so the keys are read instead, and checked to rise.
        try RowBatches.forEach(
            db,
            sql: """
                SELECT \(columns), j.key FROM json_each(?) j
                JOIN account_facts f ON f.account_id = j.value
                LEFT JOIN account_rule_views v ON v.account_id = f.account_id
                """, arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"], batch: size, rising: 11
        ) { r in
            if let facts = green[r[0]], let checkpoints = try checkpoints(r, thresholds: thresholds),
                checkpoints.map(\.id) == facts.checkpoints.map(\.id)
            {
                return try transform(.green(facts, checkpoints: checkpoints))
            }
            return try unpack(r, thresholds: thresholds).map { try transform(.ruled($0)) }
        } whole: { id in
            try Rows.accounts(db, ids: [id]).first.map { try transform(.ruled($0.ruleView)) }
        } each: {
            try each($0)
        }
    }

    /// The same on a team store: the ids go over as one list, read in its order.
    static func forEachInPortfolio<T>(
        _ pg: PostgresConnection, inOrder ids: [Int64], green: [Int64: AccountFacts], batch size: Int = 1024,
        _ transform: (PortfolioAccount) throws -> T, each: ([T]) throws -> Void
    ) throws {
        if ids.isEmpty { return }
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(pg).map { ($0.name, $0.thresholds) })
        var batch: [T] = []
        try pg.each(
            """
            SELECT \(columns), j.ord FROM unnest(string_to_array(?, ',')::bigint[]) WITH ORDINALITY AS j(id, ord)
            JOIN account_facts f ON f.account_id = j.id
            LEFT JOIN account_rule_views v ON v.account_id = f.account_id
            ORDER BY j.ord
            """, [ids.map(String.init).joined(separator: ",")]
        ) { r in
            let id: Int64 = r[0]
            if let facts = green[id], let checkpoints = try checkpoints(r, thresholds: thresholds),
                checkpoints.map(\.id) == facts.checkpoints.map(\.id)
            {
                batch.append(try transform(.green(facts, checkpoints: checkpoints)))
            } else if let view = try unpack(r, thresholds: thresholds) {
                batch.append(try transform(.ruled(view)))
            } else if let whole = try Rows.accounts(pg, ids: [id]).first {
                // A view that cannot be read is the account read whole, in its place.
                batch.append(try transform(.ruled(whole.ruleView)))
            }
            if batch.count == size {
                try each(batch)
                batch = []
            }
        }
        if !batch.isEmpty { try each(batch) }
    }
}
