import ArgumentParser
import Foundation
import GoliveStore

/// `golive install`: this binary, its man page and the shells' completions under a prefix,
/// recorded so that `golive uninstall` takes back exactly that.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install this golive, its man page and bash, zsh and fish completions under a prefix.",
        discussion: """
            Writes PREFIX/bin/golive, PREFIX/share/man/man1/golive.1 and the completions where each \
            shell looks below PREFIX, and records them in PREFIX/share/golive/installed.json for \
            golive uninstall. A file there that golive did not install is left alone (--force \
            replaces it). The man page is the one swift package generate-manual made, with the \
            board's keys and golive's files added.
            """)

    @Option(
        help: ArgumentHelp(
            "Where to install (default: ~/.local; /usr/local for everyone, with sudo).", valueName: "folder"),
        completion: .directory)
    var prefix: String?
    @Option(
        name: .customLong("man-page"),
        help: ArgumentHelp(
            "The page swift package generate-manual made (default: found beside this binary's build).",
            valueName: "file"),
        completion: .file(extensions: ["1"]))
    var manPage: String?
    @Flag(help: "Replace files in those places that golive did not install.") var force = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let prefix = try InstallPrefix.resolve(self.prefix, environment: environment)
        let binaryPath = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let page = try ManualPage.generated(named: manPage, binary: binaryPath)
        let files = InstalledFile.all(
            binary: try InstalledFile.runningBinary(), manual: ManualPage.completed(page.text))
        let old = try InstallManifest.read(in: prefix)
        // Every place is checked before anything is written: a refusal leaves the prefix as it was.
        for f in files { try check(f.path, in: prefix, old: old) }
        try check(InstallManifest.relativePath, in: prefix, old: nil, record: true)
        let places = (files.map(\.path) + [InstallManifest.relativePath]).map(InstallPrefix.folder(of:))
        let made = try InstallPrefix.makeFolders(places, in: prefix)
        var entries: [InstallManifest.File] = []
        for f in files {
            try write(f.data, mode: f.mode, to: (prefix as NSString).appendingPathComponent(f.path))
            entries.append(InstallManifest.entry(f.path, f.data))
        }
        let folders = (old?.folders ?? []) + made.filter { !(old?.folders ?? []).contains($0) }
        let manifest = InstallManifest(version: Golive.version, files: entries, folders: folders)
        try write(try manifest.encoded(), mode: 0o644, to: InstallManifest.path(in: prefix))
        say(
            "installed golive \(Golive.version) under \(prefix): bin/golive, the man page, completions for bash, zsh and fish"
        )
        for hint in hints(prefix, environment: environment) { say(hint) }
    }

    /// A place is free, ours (as install left it) or, with --force, the user's to give up.
    private func check(_ relative: String, in prefix: String, old: InstallManifest?, record: Bool = false) throws {
        let path = (prefix as NSString).appendingPathComponent(relative)
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        if kind != S_IFREG && kind != S_IFLNK {
            throw UsageProblem("\(path) is \(Destination.kind(info.st_mode)), not a file: nothing was installed")
        }
        if record {
            guard kind == S_IFREG else {
                throw UsageProblem("\(path) is a symbolic link, not golive's install record: nothing was installed")
            }
            return
        }
        if kind == S_IFREG, let mine = old?.file(relative), let data = FileManager.default.contents(atPath: path),
            data.count == mine.size, InstallManifest.fingerprint(data) == mine.fingerprint
        {
            return
        }
        guard force else {
            throw UsageProblem(
                "\(path) exists and golive did not install it: nothing was installed (--force replaces it)")
        }
    }

    private func write(_ data: Data, mode: mode_t, to path: String) throws {
        let target = try Destination(path, replacing: true, keeping: [])
        try target.write { fd in
            guard fchmod(fd, mode) == 0 else { throw target.failure(errno, writing: true) }
            try target.write([UInt8](data), to: fd)
        }
    }

    /// What the user may still have to do for the shell and `man` to find what was installed.
    private func hints(_ prefix: String, environment: [String: String]) -> [String] {
        var out: [String] = []
        let bin = (prefix as NSString).appendingPathComponent("bin")
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if !path.contains(bin) {
            out.append("\(bin) is not on your PATH: add it (export PATH=\"\(bin):$PATH\" in your shell's profile)")
        }
        let zsh = (prefix as NSString).appendingPathComponent("share/zsh/site-functions")
        if !["/usr/local", "/usr"].contains(prefix) {
            let fish = (prefix as NSString).appendingPathComponent("share/fish/vendor_completions.d")
            out.append("zsh finds the completion once fpath has \(zsh) (fpath+=(\(zsh)) in ~/.zshrc)")
            out.append("fish finds it once fish_complete_path has \(fish) (set -a fish_complete_path \(fish))")
        }
        return out
    }
}
