import Foundation
import GoliveDomain
import GoliveStore

/// snake_case JSON keys for Swift names that spell identifiers `ID`: Foundation's
/// `convertFromSnakeCase` would look for `checkpointId` and silently drop `checkpointID`.
enum JSONKeys {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reports encode the same few keys on every row: each is converted once.
    final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var names: [String: String] = [:]
        func name(_ key: String, _ convert: (String) -> String) -> String {
            lock.lock()
            defer { lock.unlock() }
            if let n = names[key] { return n }
            let n = convert(key)
            names[key] = n
            return n
        }
    }
    static let cache = Cache()

    static let encoding = JSONEncoder.KeyEncodingStrategy.custom { path in
        Key(stringValue: path.last.map { cache.name($0.stringValue, snakeCase) } ?? "")
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for (i, c) in name.enumerated() {
            if c.isUppercase {
                // "checkpointID" → "checkpoint_id": a run of capitals is one word.
                let previous = i > 0 ? name[name.index(name.startIndex, offsetBy: i - 1)] : "_"
                if i > 0 && !previous.isUppercase { out.append("_") }
                out.append(Character(c.lowercased()))
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A restore decodes the same few keys millions of times: each is converted once.
    static let decodingCache = Cache()

    static let decoding = JSONDecoder.KeyDecodingStrategy.custom { path in
        guard let last = path.last else { return Key(stringValue: "") }
        return Key(stringValue: decodingCache.name(last.stringValue, camelCase))
    }

    static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_")
        guard let first = parts.first else { return name }
        let rest = parts.dropFirst().map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }
        return String(first) + rest.joined()
    }
}
