import Foundation
import GRDB
import GoliveDomain

/// The `account_facts` table: one row per account with what the board needs
/// (`AccountFacts`), written in the same transaction as every change to the account, so
/// opening the board reads 10,000 small rows instead of 500,000 tasks. Days are stored as
/// day numbers and the checkpoints packed, since this table is read whole at every start.
enum FactsRows {
    static let createTable = """
        CREATE TABLE account_facts (
            account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
            go_live INTEGER NOT NULL,
            stage_name TEXT NOT NULL, stage_sla_days INTEGER NOT NULL,
            stage_entered_on INTEGER, stage_left_on INTEGER, stage_court TEXT NOT NULL,
            next_title TEXT, next_due INTEGER,
            earliest_customer_due INTEGER, longest_approval_pending_since INTEGER,
            checkpoints BLOB NOT NULL);
        """

    /// Writes (or rewrites) the facts of `a`.
    static func save(_ a: Account, _ db: Database) throws {
        let f = a.facts
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO account_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [f.id, f.goLive.ordinal, f.stageName, f.stageSLADays, f.stageEnteredOn?.ordinal,
                                 f.stageLeftOn?.ordinal, f.stageCourt.rawValue, f.nextTitle, f.nextDue?.ordinal,
                                 f.earliestCustomerDue?.ordinal, f.longestApprovalPendingSince?.ordinal, pack(f.checkpoints)])
    }

    /// Seven little-endian 64-bit integers per checkpoint; a missing day is `Int64.min`.
    static let fieldsPerCheckpoint = 7
    static let none = Int64.min

    static func pack(_ checkpoints: [CheckpointFacts]) -> Data {
        var words: [Int64] = []
        words.reserveCapacity(checkpoints.count * fieldsPerCheckpoint)
        for c in checkpoints {
            words += [c.id, Int64(c.due.ordinal), c.achieved ? 1 : 0, Int64(c.open), Int64(c.blockedOrRejected),
                      c.earliestOpenDue.map { Int64($0.ordinal) } ?? none,
                      c.longestCustomerWaitSince.map { Int64($0.ordinal) } ?? none]
        }
        return words.map(\.littleEndian).withUnsafeBytes { Data($0) }
    }

    static func unpack(_ data: Data) -> [CheckpointFacts] {
        let n = data.count / (8 * fieldsPerCheckpoint)
        return data.withUnsafeBytes { raw in
            func word(_ i: Int) -> Int64 { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: Int64.self)) }
            func day(_ i: Int) -> Day? { let w = word(i); return w == none ? nil : Day(ordinal: Int(w)) }
            return (0..<n).map { k in
                let b = k * fieldsPerCheckpoint
                return CheckpointFacts(id: word(b), due: Day(ordinal: Int(word(b + 1))), achieved: word(b + 2) != 0,
                                       open: Int(word(b + 3)), blockedOrRejected: Int(word(b + 4)),
                                       earliestOpenDue: day(b + 5), longestCustomerWaitSince: day(b + 6))
            }
        }
    }

    /// Every account's facts (or those of `ids`) in one pass over two tables joined on their keys.
    static func all(_ db: Database, ids: [Int64]? = nil) throws -> [AccountFacts] {
        let filter = ids.map { " WHERE a.id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        let thresholds = Dictionary(uniqueKeysWithValues: try Rows.playbooks(db).map { ($0.name, $0.thresholds) })
        func day(_ r: Row, _ i: Int) -> Day? { (r[i] as String?).flatMap { Day(iso: $0) } }
        func ordinal(_ r: Row, _ i: Int) -> Day? { (r[i] as Int?).map { Day(ordinal: $0) } }
        var out: [AccountFacts] = []
        try Row.fetchCursor(db, sql: """
            SELECT a.id, a.name, a.segment, a.arr, a.csm, a.version, a.contract_signed, a.completed_on, a.last_activity,
                   a.escalation_reason IS NOT NULL, a.playbook,
                   f.go_live, f.stage_name, f.stage_sla_days, f.stage_entered_on, f.stage_left_on, f.stage_court,
                   f.next_title, f.next_due, f.earliest_customer_due, f.longest_approval_pending_since, f.checkpoints
            FROM accounts a JOIN account_facts f ON f.account_id = a.id\(filter)
            """).forEach { r in
            let playbook: String = r[10]
            out.append(AccountFacts(
                id: r[0], name: r[1], segment: Segment(rawValue: r[2])!, arr: r[3], csm: r[4], version: r[5],
                contractSigned: day(r, 6)!, goLive: Day(ordinal: r[11]), completedOn: day(r, 7), lastActivity: day(r, 8)!,
                escalated: r[9], thresholds: thresholds[playbook] ?? Thresholds(),
                stageName: r[12], stageSLADays: r[13], stageEnteredOn: ordinal(r, 14), stageLeftOn: ordinal(r, 15),
                stageCourt: Court(rawValue: r[16]) ?? .ours, nextTitle: r[17], nextDue: ordinal(r, 18),
                checkpoints: unpack(r[21]), earliestCustomerDue: ordinal(r, 19), longestApprovalPendingSince: ordinal(r, 20)))
        }
        return out
    }
}
