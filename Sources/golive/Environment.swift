import Foundation
import GoliveDomain

/// Terminal settings from the environment, each used only inside a range a real terminal
/// has: `COLUMNS=99999999` once made a printed board ask for 81 GB.
enum Environment {
    static let ranges: [String: ClosedRange<Int>] = [
        "COLUMNS": 20...1000, "LINES": 5...1000, "ESCDELAY": 0...10_000,
    ]

    /// Warns about, and removes from this process (ncurses reads them too), every value
    /// that is not a whole number in its range.
    static func dropInsaneValues() {
        for (name, range) in ranges.sorted(by: { $0.key < $1.key }) {
            guard let text = ProcessInfo.processInfo.environment[name], !text.isEmpty else { continue }
            if let n = Int(text), range.contains(n) { continue }
            let shown = Text.inert(String(text.prefix(20)))
            printError(
                "golive: \(name)=\(shown) is not a number from \(range.lowerBound) to \(range.upperBound): ignored")
            unsetenv(name)
        }
    }
}
