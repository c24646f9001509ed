import Foundation

/// The store's statements are written once, in the SQL both servers read; the two places
/// where SQLite's dialect differs are rewritten here for PostgreSQL: `?` and `?N`
/// placeholders become `$N`, and `INSERT OR REPLACE INTO t (key, …)` (the kept facts' and
/// rule views', keyed by their first column) becomes an upsert on that key.
enum PostgresSQL {
    static func translate(_ sql: String) -> String {
        upserts(placeholders(sql))
    }

    static func placeholders(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var next = 1
        var quoted = false
        var chars = sql.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if c == "'" { quoted.toggle() }
            guard c == "?", !quoted else {
                out.append(c)
                continue
            }
            var digits = ""
            while let d = chars.next() {
                if d.isASCII && d.isNumber {
                    digits.append(d)
                    continue
                }
                pending = d
                break
            }
            if digits.isEmpty {
                out += "$\(next)"
                next += 1
            } else {
                out += "$" + digits
            }
        }
        return out
    }

    static func upserts(_ sql: String) -> String {
        let head = "INSERT OR REPLACE INTO "
        guard sql.hasPrefix(head), let open = sql.firstIndex(of: "("), let close = sql.firstIndex(of: ")"),
            open < close
        else { return sql }
        let columns = sql[sql.index(after: open)..<close].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let key = columns.first else { return sql }
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO " + sql.dropFirst(head.count) + " ON CONFLICT (\(key)) DO UPDATE SET " + updates
    }
}
