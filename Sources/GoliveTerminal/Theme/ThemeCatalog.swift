import Foundation
import GoliveIO
import Yams

/// Where themes are found: the user's folder first, then the shipped `Themes/` folder,
/// looked up beside the executable (an install's `share/golive/themes`, or the source
/// tree's `Themes/` above `.build/`), then the themes built into the binary — so a copied
/// or installed binary lists and uses them from any folder.
public struct ThemeCatalog: Sendable {
    public var directories: [String]

    public init(userDirectory: String, executablePath: String = CommandLine.arguments[0]) {
        var dirs = [userDirectory]
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        dirs.append(dir.deletingLastPathComponent().appendingPathComponent("share/golive/themes").path)
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.yaml").path) {
                dirs.append(candidate.path)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        directories = dirs
    }

    /// What `list()` gives as the source of a theme built into the binary.
    public static let builtIn = "built-in"

    /// Theme names and the file each comes from (a user's theme hides a shipped one).
    public func list() -> [(name: String, path: String)] {
        var seen: [String: String] = [:]
        for name in BuiltinThemes.files.keys { seen[name] = ThemeCatalog.builtIn }
        for d in directories.reversed() {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: d)) ?? [] where f.hasSuffix(".yaml") {
                seen[String(f.dropLast(5))] = (d as NSString).appendingPathComponent(f)
            }
        }
        return seen.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    /// A theme by name or path; "default" works even with no file at all.
    public func theme(_ nameOrPath: String) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") { return try ThemeFile.load(path: nameOrPath) }
        if let entry = list().first(where: { $0.name == nameOrPath }) {
            if entry.path == ThemeCatalog.builtIn, let text = BuiltinThemes.files[entry.name] {
                return try ThemeFile.parse(text, file: "built-in \(entry.name).yaml")
            }
            return try ThemeFile.load(path: entry.path)
        }
        if nameOrPath == "default" { return .default }
        throw FileError(
            file: nameOrPath, reason: "no such theme (available: \(list().map(\.name).joined(separator: ", ")))")
    }
}
