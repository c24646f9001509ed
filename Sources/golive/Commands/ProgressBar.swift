import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// A progress bar on standard error, only when it is a terminal and the work takes more
/// than a moment (scripts and CI see nothing).
final class ProgressBar {
    let label: String
    let enabled = isatty(2) == 1
    let start = Date()
    var shown = false
    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        guard enabled, Date().timeIntervalSince(start) > 0.3 else { return }
        shown = true
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
    }

    func finish() { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}
