import CLibpq
import Foundation

/// Where a team store on PostgreSQL is: a `postgresql://` (or `postgres://`) URL as libpq
/// reads it, which also takes what the URL leaves out from `PGHOST`, `PGUSER`,
/// `PGPASSWORD`, `~/.pgpass` and the rest of PostgreSQL's own settings.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The URL as given, password and all: for libpq only, never printed.
    let conninfo: String
    /// The URL without its password or query: what messages and `info` show.
    public let description: String

    /// Whether `store` names a PostgreSQL store rather than a file.
    public static func isURL(_ store: String) -> Bool {
        let lower = store.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public init(_ url: String) throws {
        try PostgresLibrary.load()
        // A server that does not answer must not hold a board's keys for the minutes a
        // connection can wait by default: 3 s, unless the URL or PGCONNECT_TIMEOUT says.
        let timed =
            url.contains("connect_timeout=") || ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] != nil
        conninfo = timed ? url : url + (url.contains("?") ? "&" : "?") + "connect_timeout=3"
        var message: UnsafeMutablePointer<CChar>?
        guard let options = GPQconninfoParse(url, &message) else {
            defer { GPQfreemem(message) }
            let why = message.map { String(cString: $0) } ?? "not a PostgreSQL URL"
            throw StoreError(
                "the store URL \(PostgresLocation.shown(url)) cannot be read: \(PostgresError.oneLine(why))")
        }
        defer { GPQconninfoFree(options) }
        var given: [String: String] = [:]
        var o = options
        while let key = o.pointee.keyword {
            if let value = o.pointee.val { given[String(cString: key)] = String(cString: value) }
            o += 1
        }
        description = PostgresLocation.describe(given)
    }

    /// `postgresql://user@host:port/db` from what the URL gave, the password left out.
    private static func describe(_ given: [String: String]) -> String {
        var s = "postgresql://"
        if let user = given["user"], !user.isEmpty { s += user + "@" }
        s += given["host"] ?? given["hostaddr"] ?? ""
        if let port = given["port"], !port.isEmpty { s += ":" + port }
        if let db = given["dbname"], !db.isEmpty { s += "/" + db }
        return s
    }

    /// Where the password is in a URL written `scheme://user:password@…` (or in a
    /// `--store=URL` argument), if it has one.
    public static func passwordRange(in text: String) -> Range<String.Index>? {
        guard let url = text.range(of: "postgres", options: .caseInsensitive), isURL(String(text[url.lowerBound...])),
            let scheme = text.range(of: "://", range: url.lowerBound..<text.endIndex),
            let at = text.range(of: "@", range: scheme.upperBound..<text.endIndex),
            let colon = text[scheme.upperBound..<at.lowerBound].firstIndex(of: ":")
        else { return nil }
        let start = text.index(after: colon)
        return start < at.lowerBound ? start..<at.lowerBound : nil
    }

    /// A URL that could not be parsed, shown without anything between `://` and `@` after
    /// the first `:` (where a password is written).
    public static func shown(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", range: scheme.upperBound..<url.endIndex)
        else { return url }
        let credentials = url[scheme.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at.lowerBound...])
    }
}
