import Foundation

/// Every path a test hands golive to write must lie in a test's own temporary folder. CI
/// runs as root: a test that once passed `--store /dev/null` to a writing command had the
/// machine's `/dev/null` replaced by a SQLite file.
public enum WritePaths {
    /// The options whose value golive may create, replace or write into.
    public static let writingOptions: Set<String> = ["--store", "--output", "--prefix"]

    /// The folders tests make (`TempDir`, the CLI's private HOME, a PostgreSQL server's data):
    /// all below the temporary folder, all named `golive-…`.
    public static func isTestOwned(_ path: String, from folder: String) -> Bool {
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") { return true }
        let absolute = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory()).standardizedFileURL.path
        guard standard.hasPrefix(temporary + "/") else { return false }
        let first = standard.dropFirst(temporary.count + 1).prefix { $0 != "/" }
        return first.hasPrefix("golive-")
    }

    /// The paths among `arguments` (and `GOLIVE_STORE`) that are not a test's own, to refuse
    /// the run before anything starts.
    public static func outside(arguments: [String], environment: [String: String], folder: String) -> [String] {
        var given: [String] = environment["GOLIVE_STORE"].map { [$0] } ?? []
        for (i, a) in arguments.enumerated() {
            if writingOptions.contains(a), i + 1 < arguments.count { given.append(arguments[i + 1]) }
            for option in writingOptions where a.hasPrefix(option + "=") {
                given.append(String(a.dropFirst(option.count + 1)))
            }
        }
        return given.filter { !isTestOwned($0, from: folder) }
    }

    /// Refuses a run that would write outside the test's folders.
    public static func check(arguments: [String], environment: [String: String] = [:], folder: String) throws {
        let bad = outside(arguments: arguments, environment: environment, folder: folder)
        guard bad.isEmpty else { throw Refused(paths: bad) }
    }

    public struct Refused: Error, CustomStringConvertible {
        public var paths: [String]
        public var description: String {
            "a test may only have golive write inside its own temporary folder, not \(paths.joined(separator: ", "))"
        }
    }
}
