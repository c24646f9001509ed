import Foundation

extension Hooks {
    /// The variables a hook gets from golive's environment, as they are; the rest (tokens,
    /// `PGPASSWORD`, a store URL with its password) stays with golive.
    static let passedNames: Set<String> = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR"]
    static let passedPrefixes = ["LC_", "XDG_"]

    /// The hook's environment: the passed variables, `GOLIVE_STORE` (the store saved to,
    /// as `Store.path` shows it: a team store's URL without its password) and
    /// `GOLIVE_EVENT_ID`.
    static func environment(from given: [String: String], store: String, event: Int64) -> [String] {
        var chosen = given.filter { name, _ in
            passedNames.contains(name) || passedPrefixes.contains { name.hasPrefix($0) }
        }
        chosen["GOLIVE_STORE"] = store
        chosen["GOLIVE_EVENT_ID"] = String(event)
        return chosen.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
}
