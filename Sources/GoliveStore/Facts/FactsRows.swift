import Foundation
import GRDB
import GoliveDomain

/// The `account_facts` table: one row per account with everything the board needs
/// (`AccountFacts`), written in the same transaction as every change to the account, so
/// opening the board reads this one table — 10,000 small rows — instead of 500,000 tasks.
/// It repeats the few account columns the board shows, so an open does not read the
/// accounts table either (which holds the handoff texts); days are day numbers and the
/// checkpoints are packed, since the whole table is read at every start, often from disk.
enum FactsRows {
    static let createTable = """
        CREATE TABLE account_facts (
            account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
            name TEXT NOT NULL, segment TEXT NOT NULL, arr INTEGER NOT NULL, csm TEXT NOT NULL,
            version INTEGER NOT NULL, playbook TEXT NOT NULL,
            contract_signed INTEGER NOT NULL, completed_on INTEGER, last_activity INTEGER NOT NULL,
            escalated INTEGER NOT NULL,
            go_live INTEGER NOT NULL,
            stage_name TEXT NOT NULL, stage_sla_days INTEGER NOT NULL,
            stage_entered_on INTEGER, stage_left_on INTEGER, stage_court TEXT NOT NULL,
            next_title TEXT, next_due INTEGER,
            earliest_customer_due INTEGER, longest_approval_pending_since INTEGER,
            checkpoints BLOB NOT NULL);
        """

    /// The columns by name, in the order `save` writes and `all` reads them: a column added
    /// later lands at the end of the table, wherever the migrations left it.
    static let columns = """
        account_id, name, segment, arr, csm, version, playbook, contract_signed, completed_on,
        last_activity, escalated, go_live, stage_name, stage_sla_days, stage_entered_on, stage_left_on,
        ball_in_court, next_title, next_due, earliest_customer_due, longest_approval_pending_since,
        checkpoints, go_live_achieved, customer_due_waiting_on_us, held_since, hold_resume,
        go_live_baseline, go_live_moves, earliest_planned_touchpoint, handoff_incomplete, metric_facts
        """

    static let insertSQL =
        "INSERT OR REPLACE INTO account_facts (\(columns)) VALUES ("
        + Array(repeating: "?", count: 31).joined(separator: ", ") + ")"

    /// Writes (or rewrites) the facts of `a`.
    static func save(_ a: Account, _ connection: StoreConnection) throws {
        let f = a.facts
        try connection.run(
            insertSQL,
            [
                f.id, f.name, f.segment.rawValue, f.arr, f.csm, f.version, a.playbook,
                f.contractSigned.ordinal, f.completedOn?.ordinal, f.lastActivity.ordinal, f.escalated,
                f.goLive.ordinal, f.stageName, f.stageSLADays, f.stageEnteredOn?.ordinal,
                f.stageLeftOn?.ordinal, text(f.court), f.nextTitle, f.nextDue?.ordinal,
                f.earliestCustomerDue?.ordinal, f.longestApprovalPendingSince?.ordinal, pack(f.checkpoints),
                f.goLiveAchievedOn?.ordinal, f.earliestCustomerDueWaitingOnUs?.ordinal, f.heldSince?.ordinal,
                f.holdResume?.ordinal, f.goLiveBaseline?.ordinal, f.goLiveMoves,
                f.earliestPlannedTouchpoint?.ordinal, f.handoffIncomplete, MetricFactsRows.pack(a.metricFacts),
            ])
        try RuleViewRows.save(a, connection)
    }

    /// Whose court the ball is in, day by day: the first court, then `day:court` for each
    /// change (`ours;740123:customer`). Text, since most accounts have one court and the
    /// column was a court's name before v20.
    static func text(_ court: BallInCourt) -> String {
        ([court.first.rawValue] + court.changes.map { "\($0.from.ordinal):\($0.court.rawValue)" })
            .joined(separator: ";")
    }

    static func ballInCourt(_ text: String) -> BallInCourt {
        var parts = text.split(separator: ";")
        let first = parts.isEmpty ? Court.ours : Court(rawValue: String(parts.removeFirst())) ?? .ours
        return BallInCourt(
            first: first,
            changes: parts.compactMap { part in
                let pair = part.split(separator: ":")
                guard pair.count == 2, let day = Int(pair[0]), let court = Court(rawValue: String(pair[1])) else {
                    return nil
                }
                return BallInCourt.Change(from: Day(ordinal: day), court: court)
            })
    }

    /// Per checkpoint, little-endian: its id (64 bits), then due; flags (1: achieved, 2: the
    /// go-live checkpoint, and from bit 2 on the days its forecast runs after the day); open tasks (low 16 bits) and
    /// blocked-or-rejected ones (high 16; only "any" counts for either); the fixed part of its
    /// forecast; earliest open due and longest wait (32 bits each; a missing day is
    /// `Int32.min`). 32 bytes where the columns would take several times that.
    static let bytesPerCheckpoint = 32
    static let none = Int32.min

    static func pack(_ checkpoints: [CheckpointFacts]) -> Data {
        var out = Data(capacity: checkpoints.count * bytesPerCheckpoint)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        for c in checkpoints {
            put(c.id)
            put(Int32(c.due.ordinal))
            put(Int32((c.achieved ? 1 : 0) | (c.isGoLive ? 2 : 0) | (min(c.forecastAfterDay, 1 << 28) << 2)))
            put(UInt32(min(c.open, 0xFFFF)) | UInt32(min(c.blockedOrRejected, 0xFFFF)) << 16)
            put(Int32(c.forecastFixed.ordinal))
            put(c.earliestOpenDue.map { Int32($0.ordinal) } ?? none)
            put(c.longestCustomerWaitSince.map { Int32($0.ordinal) } ?? none)
        }
        return out
    }

    static func unpack(_ raw: UnsafeRawBufferPointer) -> [CheckpointFacts] {
        let n = raw.count / bytesPerCheckpoint
        func int(_ at: Int) -> Int32 { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self)) }
        func day(_ at: Int) -> Day? {
            let v = int(at)
            return v == none ? nil : Day(ordinal: Int(v))
        }
        return (0..<n).map { k in
            let b = k * bytesPerCheckpoint
            let counts = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: b + 16, as: UInt32.self))
            return CheckpointFacts(
                id: Int64(littleEndian: raw.loadUnaligned(fromByteOffset: b, as: Int64.self)),
                due: Day(ordinal: Int(int(b + 8))), achieved: int(b + 12) & 1 != 0, isGoLive: int(b + 12) & 2 != 0,
                open: Int(counts & 0xFFFF), blockedOrRejected: Int(counts >> 16),
                earliestOpenDue: day(b + 24), longestCustomerWaitSince: day(b + 28),
                forecastFixed: Day(ordinal: Int(int(b + 20))), forecastAfterDay: Int(int(b + 12) >> 2))
        }
    }

    /// Every account's facts (or those of `ids`), in one pass over the table.
    static func all(_ db: Database, ids: [Int64]? = nil) throws -> [AccountFacts] {
        let filter = ids.map { " WHERE account_id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        return try read(db, filter: filter, arguments: [])
    }

    /// The facts of every account that may be stalled on `today`: each of the stalled rule's
    /// tests run by SQLite over the stored columns, with the smallest threshold any playbook
    /// sets, so that only these rows (a quarter of a large portfolio, where turning every row
    /// into facts took most of the stalled report) are read. A superset: the caller keeps
    /// those `AccountFacts.stall(asOf:)` finds stalled.
    static func stallCandidates(_ db: Database, asOf today: Day) throws -> [AccountFacts] {
        let (filter, values) = try stallFilter(db, asOf: today)
        return try read(db, filter: filter, arguments: StatementArguments(values))
    }

    /// The same on a team store.
    static func stallCandidates(_ pg: PostgresConnection, asOf today: Day) throws -> [AccountFacts] {
        let (filter, values) = try stallFilter(pg, asOf: today)
        return try read(pg, filter: filter, values: values)
    }

    /// The stalled rule's tests over the stored columns. A stage's SLA and an approval's
    /// allowance are never negative (the schema and the playbooks refuse it), so a time in
    /// stage or pending is compared as it is: no `max(0, …)`, which PostgreSQL spells another way.
    private static func stallFilter(_ db: some RowSource, asOf today: Day) throws -> (
        String, [(any DatabaseValueConvertible)?]
    ) {
        let every = try Rows.playbooks(db).map(\.thresholds) + [Thresholds()]
        let quiet = every.map(\.noActivityDays).min() ?? 0
        let customer = every.map(\.customerOverdueDays).min() ?? 0
        let approval = every.map(\.approvalPendingDays).min() ?? 0
        let t = today.ordinal
        return (
            """
             WHERE completed_on IS NULL AND held_since IS NULL AND (
                ? - last_activity >= ?
                OR coalesce(stage_left_on, ?) - coalesce(stage_entered_on, contract_signed) > stage_sla_days
                OR ? - earliest_customer_due > ?
                OR ? - customer_due_waiting_on_us > ?
                OR ? - longest_approval_pending_since > ?)
            """, [t, quiet, t, t, customer, t, customer, t, approval]
        )
    }

    private static func read(_ db: Database, filter: String, arguments: StatementArguments) throws -> [AccountFacts] {
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(db).map { ($0.name, $0.thresholds) })
        var out: [AccountFacts] = []
        let statement = try db.makeStatement(sql: "SELECT \(columns) FROM account_facts\(filter)")
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let c = StatementColumns(statement: statement.sqliteStatement)
        while try rows.next() != nil { out.append(try facts(c, thresholds: thresholds)) }
        return out
    }

    /// Every account's facts (or those of `ids`) on a team store.
    static func all(_ pg: PostgresConnection, ids: [Int64]? = nil) throws -> [AccountFacts] {
        let filter = ids == nil ? "" : " WHERE account_id = ANY(string_to_array(?, ',')::bigint[])"
        let values: [(any DatabaseValueConvertible)?] = ids.map { [$0.map(String.init).joined(separator: ",")] } ?? []
        return try read(pg, filter: filter, values: values)
    }

    private static func read(_ pg: PostgresConnection, filter: String, values: [(any DatabaseValueConvertible)?])
        throws -> [AccountFacts]
    {
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(pg).map { ($0.name, $0.thresholds) })
        let result = try pg.execute(
            "SELECT \(columns) FROM account_facts\(filter) ORDER BY account_id", values.map(PostgresValue.init))
        return try (0..<result.count).map {
            try facts(PostgresColumns(result: result, row: $0), thresholds: thresholds)
        }
    }

    /// One row of `columns` as the board's facts.
    private static func facts(_ c: some Columns, thresholds: [String: Thresholds]) throws -> AccountFacts {
        try c.requireValues([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 16, 21], in: "account_facts")
        return AccountFacts(
            id: Int64(c.int(0)), name: c.text(1), segment: try c.word(2, "account_facts.segment"),
            arr: c.int(3),
            csm: c.text(4), version: c.int(5),
            contractSigned: c.day(7), goLive: c.day(11), completedOn: c.optionalDay(8),
            lastActivity: c.day(9),
            escalated: c.bool(10), thresholds: thresholds[c.text(6)] ?? Thresholds(),
            stageName: c.text(12), stageSLADays: c.int(13), stageEnteredOn: c.optionalDay(14),
            stageLeftOn: c.optionalDay(15), court: ballInCourt(c.text(16)),
            nextTitle: c.optionalText(17), nextDue: c.optionalDay(18),
            checkpoints: c.withBytes(21, unpack), earliestCustomerDue: c.optionalDay(19),
            longestApprovalPendingSince: c.optionalDay(20),
            goLiveAchievedOn: c.optionalDay(22), earliestCustomerDueWaitingOnUs: c.optionalDay(23),
            heldSince: c.optionalDay(24), holdResume: c.optionalDay(25), goLiveBaseline: c.optionalDay(26),
            goLiveMoves: c.optionalInt(27) ?? 0, earliestPlannedTouchpoint: c.optionalDay(28),
            handoffIncomplete: c.optionalInt(29).map { $0 != 0 } ?? false)
    }
}
