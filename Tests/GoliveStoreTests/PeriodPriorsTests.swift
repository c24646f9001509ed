import Foundation
import GRDB
import GoliveDomain
import Testing

@testable import GoliveStore

/// A period's priors are kept packed one after another in chunks: each must decode as the
/// prior it was, whatever chunk it fell in or across, beside JSON ones and events without one.
struct PeriodPriorsTests {
    static func prior(_ n: Int, tasks: Int) -> Prior {
        var p = Prior()
        p.lastActivity = Day(ordinal: 20_000 + n)
        p.fields = ["name": "\"account \(n)\""]
        let account = sampleAccount(id: Int64(n))
        let template = account.tasks.first!
        p.tasks = (0..<tasks).map { k in
            var t = template
            t.id = Int64(n * 100_000 + k)
            t.title = "task \(k) of prior \(n) — ✔ café"
            return t
        }
        p.addedTasks = [Int64(n)]
        return p
    }

    @Test func everyPriorDecodesAsItWasAcrossChunksBesideJSONAndNone() throws {
        let q = try DatabaseQueue()
        // About three chunks of small priors, one prior larger than a chunk, JSON ones of
        // older stores and events with none, on a few accounts.
        var expected: [Int64: [Prior]] = [:]
        var events: [Int64: Int] = [:]
        try q.write { db in
            try db.execute(sql: "CREATE TABLE e (id INTEGER PRIMARY KEY, account_id INTEGER, prior)")
            for n in 0..<3_200 {
                let account = Int64(n % 7)
                let p = Self.prior(n, tasks: n == 1_500 ? 12_000 : 3)
                let value: DatabaseValueConvertible?
                switch n % 10 {
                case 3: value = String(decoding: try JSONEncoder().encode(p), as: UTF8.self)
                case 7: value = nil
                default: value = StoredPrior.pack(p)
                }
                try db.execute(sql: "INSERT INTO e (account_id, prior) VALUES (?, ?)", arguments: [account, value])
                events[account, default: 0] += 1
                if value != nil { expected[account, default: []].append(p) }
            }
        }
        let period = try q.read { db in
            var period = PeriodPriors()
            let statement = try db.makeStatement(sql: "SELECT account_id, prior FROM e ORDER BY id")
            let rows = try Row.fetchCursor(statement)
            let c = StatementColumns(statement: statement.sqliteStatement)
            while try rows.next() != nil { period.take(c, column: 0) }
            return period
        }
        #expect(period.events == events)
        #expect(StoredPrior.pack(Self.prior(1_500, tasks: 12_000)).count > PeriodPriors.chunkSize)
        for (account, list) in expected {
            #expect(try period.decoded(of: account) == list, "account \(account)")
        }
        #expect(try period.decoded(of: 99).isEmpty)
    }
}
