import Foundation

/// The folder `golive install` and `golive uninstall` work under, and the folders below it
/// that install makes.
enum InstallPrefix {
    /// `given` (default `~/.local`) as an absolute path; a prefix that exists must be a folder.
    static func resolve(_ given: String?, environment: [String: String]) throws -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        var path = given ?? "~/.local"
        guard !path.isEmpty else { throw UsageProblem("--prefix is empty: name a folder (default ~/.local)") }
        if path == "~" || path.hasPrefix("~/") { path = home + path.dropFirst() }
        if !path.hasPrefix("/") {
            path = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        }
        path = URL(fileURLWithPath: path).standardizedFileURL.path
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw UsageProblem("--prefix \(path) is not a folder: nothing was changed")
        }
        return path
    }

    /// Makes the folders `relative` (below `prefix`) that are missing, 0755, and returns the
    /// ones made, shallowest first ("." for the prefix itself).
    static func makeFolders(_ relative: [String], in prefix: String) throws -> [String] {
        var made: [String] = []
        var wanted = ["."]
        for r in relative {
            var parts: [String] = []
            for part in r.split(separator: "/") {
                parts.append(String(part))
                let folder = parts.joined(separator: "/")
                if !wanted.contains(folder) { wanted.append(folder) }
            }
        }
        for folder in wanted {
            let path = folder == "." ? prefix : (prefix as NSString).appendingPathComponent(folder)
            var info = stat()
            if lstat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw UsageProblem("\(path) is not a folder: nothing more was installed")
                }
                continue
            }
            guard mkdir(path, 0o755) == 0 else {
                let reason = String(cString: strerror(errno))
                throw UsageProblem("cannot make the folder \(path): \(reason)")
            }
            made.append(folder)
        }
        return made
    }

    static func folder(of relative: String) -> String { (relative as NSString).deletingLastPathComponent }
}
