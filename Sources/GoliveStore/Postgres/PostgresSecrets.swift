import Foundation

/// Passwords kept out of every line golive writes: libpq's messages quote what they were
/// given, and a store argument that is not a URL is echoed as a file's name.
public enum PostgresSecrets {
    /// The passwords a store argument holds (after `user:` and in `password=` settings), as
    /// written and as percent-decoded. Very short ones are left out: hiding every `a` in a
    /// message would hide nothing and garble the rest.
    public static func passwords(in store: String) -> [String] {
        let found = ranges(in: store).map { store[$0].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        let decoded = found.compactMap { (try? PostgresURL.decoded($0, "")) ?? $0.removingPercentEncoding }
        return Array(Set(found + decoded)).filter { $0.count >= 3 }.sorted { $0.count > $1.count }
    }

    /// Where passwords are written in `text`: after `user:` in a URL, and each `password=`
    /// setting's value (its quotes included).
    public static func ranges(in text: String) -> [Range<String.Index>] {
        let regex = try? NSRegularExpression(pattern: keywordValue, options: [.caseInsensitive])
        let found = regex?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []
        let values = found.compactMap { Range($0.range(at: 2), in: text) }
        return (PostgresLocation.passwordRange(in: text).map { [$0] } ?? []) + values
    }

    /// `text` with `known` passwords, and any written in a URL or a `password=` setting,
    /// replaced by `***`.
    public static func scrubbed(_ text: String, hiding known: [String] = []) -> String {
        var s = text
        for secret in known.sorted(by: { $0.count > $1.count }) where secret.count >= 3 {
            s = s.replacingOccurrences(of: secret, with: "***")
        }
        s = s.replacingOccurrences(
            of: userinfo, with: "$1***@", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(
            of: keywordValue, with: "$1***", options: [.regularExpression, .caseInsensitive])
        return s
    }

    /// `postgresql://user:` then the password, up to the last `@` before the path.
    private static let userinfo = "((?:postgres|postgresql):/*[^\\s/?@:]*:)[^\\s/?]*@"
    /// `password=value`, `password = 'value'` (quoted to its end, or to the line's if unclosed).
    private static let keywordValue = "(password\\s*=\\s*)('[^']*'?|\"[^\"]*\"?|[^\\s&'\"]+)"
}
