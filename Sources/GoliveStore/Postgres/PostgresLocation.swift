import CLibpq
import Foundation

/// Where a team store on PostgreSQL is: a `postgresql://` (or `postgres://`) URL, read by
/// golive itself (`PostgresURL`) and handed to libpq as settings, which also takes what the
/// URL leaves out from `PGHOST`, `PGUSER`, `PGPASSWORD`, `~/.pgpass` and the rest of
/// PostgreSQL's own settings. libpq's own reading of a URL quotes it, password and all, in
/// its complaints; golive's names what is wrong without it.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The URL as given, password and all: to open the store again, never printed.
    let url: String
    /// libpq's settings (keyword and value) the URL gives, password included.
    let settings: [String: String]
    /// The password, as written and as meant, for messages to leave out.
    let secrets: [String]
    /// The URL without its password or query: what messages and `info` show.
    public let description: String

    /// Whether `store` names a PostgreSQL store rather than a file. A misspelt scheme
    /// (`postgresql:/…`) counts: as a file name it would be echoed, password and all.
    public static func isURL(_ store: String) -> Bool {
        let lower = store.lowercased()
        return lower.hasPrefix("postgresql:") || lower.hasPrefix("postgres:")
    }

    /// Whether `store` reads as libpq's `key=value` settings (`host=db password=…`), which
    /// golive does not take: as a file's name it would be echoed, password and all.
    public static func isSettings(_ store: String) -> Bool {
        store.range(of: settingsPattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// Refuses a store written as libpq's settings, by what it is and not by what it says.
    public static func refuseSettings(_ store: String) throws {
        guard isSettings(store) else { return }
        throw StoreError(
            "the store is written as PostgreSQL settings (key=value): golive takes a team store as a "
                + "postgresql:// URL (nothing was changed)")
    }

    private static let settingsPattern =
        "^\\s*(host|hostaddr|port|dbname|user|password|passfile|sslmode|service|connect_timeout|options)\\s*="

    public init(_ url: String) throws {
        self.url = url
        var settings = try PostgresURL.settings(url)
        secrets = PostgresSecrets.passwords(in: url)
        try PostgresLibrary.load()
        let known = PostgresLocation.keywords()
        // An empty list is libpq out of memory, not a libpq that knows no setting.
        for keyword in settings.keys.sorted() where !known.isEmpty && !known.contains(keyword) {
            throw StoreError("the store URL cannot be read: unknown parameter '\(keyword)' (nothing was changed)")
        }
        // A server that does not answer must not hold a board's keys for the minutes a
        // connection can wait by default: 3 s, unless the URL or PGCONNECT_TIMEOUT says.
        if settings["connect_timeout"] == nil && ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil {
            settings["connect_timeout"] = "3"
        }
        self.settings = settings
        description = PostgresLocation.describe(settings)
    }

    /// The settings this libpq knows, from its own list (a newer libpq knows more).
    private static func keywords() -> Set<String> {
        guard let options = GPQconndefaults() else { return [] }
        defer { GPQconninfoFree(options) }
        var known: Set<String> = []
        var o = options
        while let key = o.pointee.keyword {
            known.insert(String(cString: key))
            o += 1
        }
        return known
    }

    /// `postgresql://user@host:port/db` from what the URL gave, the password left out.
    private static func describe(_ given: [String: String]) -> String {
        var s = "postgresql://"
        if let user = given["user"], !user.isEmpty { s += user + "@" }
        // An IPv6 address is written in brackets, as in the URL it came from.
        let hosts = (given["host"] ?? given["hostaddr"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.contains(":") ? "[\($0)]" : String($0) }
        let ports = (given["port"] ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if ports.count == hosts.count && ports.count > 1 {
            s += zip(hosts, ports).map { $1.isEmpty ? $0 : "\($0):\($1)" }.joined(separator: ",")
        } else {
            s += hosts.joined(separator: ",")
            if let port = given["port"], !port.isEmpty { s += ":" + port }
        }
        if let db = given["dbname"], !db.isEmpty { s += "/" + db }
        return s
    }

    /// Where the password is in a URL written `scheme://user:password@…` (or in a
    /// `--store=URL` argument), if it has one.
    public static func passwordRange(in text: String) -> Range<String.Index>? {
        guard let url = text.range(of: "postgres", options: .caseInsensitive), isURL(String(text[url.lowerBound...])),
            let scheme = text.range(of: "://", range: url.lowerBound..<text.endIndex),
            let at = PostgresURL.userinfoEnd(in: text[scheme.upperBound...]),
            let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return nil }
        let start = text.index(after: colon)
        return start < at ? start..<at : nil
    }
}
