import ArgumentParser
import Foundation

/// One file `golive install` writes: where under the prefix, its bytes and its mode.
struct InstalledFile {
    var path: String
    var data: Data
    var mode: mode_t
    /// In words, for the summary line.
    var what: String

    /// Everything an installation is: the binary, its man page and the completions of the
    /// three shells, where each shell and `man` look below a prefix.
    static func all(binary: Data, manual: String) -> [InstalledFile] {
        [
            InstalledFile(path: "bin/golive", data: binary, mode: 0o755, what: "bin/golive"),
            InstalledFile(
                path: "share/man/man1/golive.1", data: Data(manual.utf8), mode: 0o644, what: "the man page"),
            InstalledFile(
                path: "share/bash-completion/completions/golive",
                data: Data(CompletionRoot.completionScript(for: .bash).utf8), mode: 0o644, what: "bash"),
            InstalledFile(
                path: "share/zsh/site-functions/_golive", data: Data(CompletionRoot.completionScript(for: .zsh).utf8),
                mode: 0o644, what: "zsh"),
            InstalledFile(
                path: "share/fish/vendor_completions.d/golive.fish",
                data: Data(CompletionRoot.completionScript(for: .fish).utf8), mode: 0o644, what: "fish"),
        ]
    }

    /// The running binary's bytes: what is installed is what was run.
    static func runningBinary() throws -> Data {
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") else {
            throw UsageProblem("cannot read this golive's own binary (/proc/self/exe): nothing was installed")
        }
        return data
    }
}
