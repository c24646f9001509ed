import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// The first value in this file that golive would read as something else: text holding
    /// a NUL (read up to it, the rest lost), a number column holding text (read as 0), a
    /// handoff record or an event's prior that is not JSON (read as empty, or not at all).
    /// golive never writes one; a backup another program edited may hold one, and restore
    /// refuses it rather than restore something else in its place. Nil when there is none.
    public func unfaithfulValue() throws -> String? {
        try pool.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))") {
                    let name: String = column["name"]
                    let type = (column["type"] as String? ?? "").uppercased()
                    let quoted = "\(table.quotedDatabaseIdentifier).\(name.quotedDatabaseIdentifier)"
                    let check: (String, String)
                    if type.contains("INT") {
                        check = ("typeof(\(quoted)) NOT IN ('integer', 'null')", "holds text where a number goes")
                    } else if type.contains("TEXT") {
                        check = (
                            "typeof(\(quoted)) = 'text' AND instr(CAST(\(quoted) AS BLOB), x'00') > 0",
                            "holds a NUL character"
                        )
                    } else {
                        continue
                    }
                    let found = try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier) WHERE \(check.0))")
                    if found == true { return "\(table).\(name) \(check.1)" }
                }
            }
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: "SELECT id, handoff FROM accounts WHERE handoff <> '{}'") {
                let text: String = row["handoff"]
                if (try? decoder.decode(Handoff.self, from: Data(text.utf8))) == nil {
                    return "accounts.handoff (account \(row["id"] as Int64)) is not a handoff record"
                }
            }
            if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM events WHERE typeof(prior) = 'text' AND NOT json_valid(prior) LIMIT 1")
            {
                return "events.prior (event \(id)) is not JSON"
            }
            return nil
        }
    }
}
