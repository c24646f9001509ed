import ArgumentParser
import Foundation
import GoliveDomain

/// `golive uninstall`: removes what `golive install` recorded under a prefix — the files as
/// it wrote them and the folders it made, when nothing else is in them — and nothing else.
struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove what golive install put under a prefix (a file changed since is kept).")

    @Option(
        help: ArgumentHelp("The prefix golive was installed under (default: ~/.local).", valueName: "folder"),
        completion: .directory)
    var prefix: String?

    func run() throws {
        let prefix = try InstallPrefix.resolve(self.prefix, environment: ProcessInfo.processInfo.environment)
        guard let manifest = try InstallManifest.read(in: prefix) else {
            throw UsageProblem(
                "golive is not installed under \(prefix) (no \(InstallManifest.path(in: prefix))): nothing was removed")
        }
        var removed = 0
        var kept: [String] = []
        for f in manifest.files {
            let path = (prefix as NSString).appendingPathComponent(f.path)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard (info.st_mode & S_IFMT) == S_IFREG, let data = FileManager.default.contents(atPath: path),
                data.count == f.size, InstallManifest.fingerprint(data) == f.fingerprint
            else {
                kept.append(path)
                continue
            }
            guard unlink(path) == 0 else {
                throw UsageProblem("cannot remove \(path): \(String(cString: strerror(errno)))")
            }
            removed += 1
        }
        let record = InstallManifest.path(in: prefix)
        guard unlink(record) == 0 else {
            throw UsageProblem("cannot remove \(record): \(String(cString: strerror(errno)))")
        }
        // Deepest first; a folder with anything of someone else's in it stays.
        for folder in manifest.folders.reversed() {
            let path = folder == "." ? prefix : (prefix as NSString).appendingPathComponent(folder)
            _ = rmdir(path)
        }
        say("removed golive \(manifest.version) from \(prefix): \(plural(removed, "file"))")
        for path in kept { say("kept \(path): it changed since golive installed it") }
    }
}
