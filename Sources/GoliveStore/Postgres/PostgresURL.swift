import Foundation

/// A `postgresql://user:password@host:port,host2/db?key=value` URL read as libpq reads one
/// (percent escapes, several hosts, `[IPv6]`, settings in the query), into libpq's
/// settings. What is wrong is named in words, never by quoting the URL: a part that
/// cannot be read may be, or hold, the password.
enum PostgresURL {
    static func settings(_ url: String) throws -> [String: String] {
        let lower = url.lowercased()
        guard let scheme = ["postgresql://", "postgres://"].first(where: { lower.hasPrefix($0) }) else {
            throw problem("it must start with postgresql:// (or postgres://)")
        }
        let rest = url.dropFirst(scheme.count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var settings: [String: String] = [:]
        var hostStart = rest.startIndex
        if let at = userinfoEnd(in: rest) {
            let userinfo = rest[rest.startIndex..<at]
            let colon = userinfo.firstIndex(of: ":") ?? userinfo.endIndex
            let user = try decoded(userinfo[userinfo.startIndex..<colon], "the user name")
            if !user.isEmpty { settings["user"] = user }
            if colon < userinfo.endIndex {
                let password = try decoded(userinfo[userinfo.index(after: colon)...], "the password")
                if !password.isEmpty { settings["password"] = password }
            }
            hostStart = rest.index(after: at)
        }
        try hosts(rest[hostStart..<authorityEnd], into: &settings)
        var tail = rest[authorityEnd...]
        let query = tail.firstIndex(of: "?")
        if tail.first == "/" {
            let path = tail[tail.index(after: tail.startIndex)..<(query ?? tail.endIndex)]
            // A raw `@` after the host is a password's `@` or `/` that was not escaped: the
            // database name would then hold part of it.
            guard !path.contains("@") else {
                throw problem("the database name holds an '@' (write '@' and '/' in a password as %40 and %2F)")
            }
            let database = try decoded(path, "the database name")
            if !database.isEmpty { settings["dbname"] = database }
        }
        if let query {
            tail = tail[tail.index(after: query)...]
            try parameters(tail, into: &settings)
        }
        return settings
    }

    /// Where the `user:password` part ends (at its last `@` before the path or query), if
    /// the URL has one.
    static func userinfoEnd(in rest: Substring) -> String.Index? {
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        return rest[rest.startIndex..<authorityEnd].lastIndex(of: "@")
    }

    /// `host:port,host2:port2` as libpq's `host` and `port` lists; `[…]` holds an IPv6 address.
    private static func hosts(_ text: Substring, into settings: inout [String: String]) throws {
        guard !text.isEmpty else { return }
        var hosts: [String] = []
        var ports: [String] = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            var host = entry
            var port: Substring?
            if entry.first == "[" {
                guard let close = entry.firstIndex(of: "]") else {
                    throw problem("an IPv6 address opened with '[' is not closed with ']'")
                }
                host = entry[entry.index(after: entry.startIndex)..<close]
                let after = entry[entry.index(after: close)...]
                if !after.isEmpty {
                    guard after.first == ":" else {
                        throw problem("an IPv6 address in [ ] is followed by more than a port")
                    }
                    port = after.dropFirst()
                }
            } else if let colon = entry.lastIndex(of: ":") {
                host = entry[entry.startIndex..<colon]
                port = entry[entry.index(after: colon)...]
            }
            guard !host.isEmpty || entry.count == text.count else {
                throw problem("a host in the list of hosts is empty")
            }
            hosts.append(try decoded(host, "the host"))
            ports.append(try port.map(checked) ?? "")
        }
        if hosts.contains(where: { !$0.isEmpty }) { settings["host"] = hosts.joined(separator: ",") }
        if ports.contains(where: { !$0.isEmpty }) { settings["port"] = ports.joined(separator: ",") }
    }

    /// A port number, 1 to 65535; only digits are ever quoted back.
    private static func checked(_ port: Substring) throws -> String {
        guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else {
            throw problem("the port is not a number")
        }
        guard let n = Int(port), (1...65_535).contains(n) else {
            throw problem("the port \(port.prefix(12)) is not from 1 to 65535")
        }
        return String(n)
    }

    /// `key=value&…`: libpq's settings by name (`ssl=true` is its `sslmode=require`).
    private static func parameters(_ query: Substring, into settings: inout [String: String]) throws {
        for pair in query.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "=") else {
                throw problem("a query parameter\(named(pair)) has no '=value'")
            }
            let key = try decoded(pair[pair.startIndex..<equals], "a query parameter's name")
            let value = try decoded(pair[pair.index(after: equals)...], "the value of a query parameter\(named(key))")
            if key == "ssl" {
                guard value == "true" else { throw problem("the query parameter 'ssl' takes only 'true'") }
                settings["sslmode"] = "require"
                continue
            }
            guard Self.isKeyword(key) else { throw problem("a query parameter's name is not a setting's name") }
            settings[key] = value
        }
    }

    /// ` 'name'` when `text` reads as a setting's name (never a password's piece), else nothing.
    private static func named(_ text: some StringProtocol) -> String {
        isKeyword(text) ? " '\(text)'" : ""
    }

    private static func isKeyword(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.count <= 40 && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "_") }
    }

    /// `text` with its `%XX` escapes read as UTF-8 bytes, as libpq reads them (`%00` refused).
    static func decoded(_ text: some StringProtocol, _ what: String) throws -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var i = text.utf8.startIndex
        let utf8 = text.utf8
        while i < utf8.endIndex {
            let byte = utf8[i]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                i = utf8.index(after: i)
                continue
            }
            let high = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex)
            let low = high.flatMap { utf8.index($0, offsetBy: 1, limitedBy: utf8.endIndex) }
            guard let high, let low, low < utf8.endIndex, let h = hex(utf8[high]), let l = hex(utf8[low]) else {
                throw problem("\(what) has a '%' not followed by two hexadecimal digits")
            }
            guard h != 0 || l != 0 else { throw problem("\(what) holds %00, which PostgreSQL does not take") }
            bytes.append(h << 4 | l)
            i = utf8.index(after: low)
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw problem("\(what) has % escapes that are not UTF-8")
        }
        return s
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func problem(_ what: String) -> StoreError {
        StoreError("the store URL cannot be read: \(what) (nothing was changed)")
    }
}
