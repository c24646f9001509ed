import Foundation
import GoliveDomain

/// Numbers from the environment, each used only inside a range that makes sense for it:
/// `COLUMNS=99999999` once made a printed board ask for 81 GB, and
/// `GOLIVE_HOOK_TIMEOUT=inf` once ended golive after the change it had just saved.
enum Environment {
    /// Where a number from the environment is used, and whether it must be whole.
    struct Bound: Sendable {
        let lowest: Double
        let highest: Double
        let whole: Bool

        static func whole(_ range: ClosedRange<Int>) -> Bound {
            Bound(lowest: Double(range.lowerBound), highest: Double(range.upperBound), whole: true)
        }

        static func fraction(_ range: ClosedRange<Double>) -> Bound {
            Bound(lowest: range.lowerBound, highest: range.upperBound, whole: false)
        }

        /// The value `text` gives, nil when it is not a number in range (`nan` and `inf`
        /// included).
        func value(_ text: String) -> Double? {
            if whole {
                guard let n = Int(text) else { return nil }
                let d = Double(n)
                return d >= lowest && d <= highest ? d : nil
            }
            guard let d = Double(text), d.isFinite, d >= lowest, d <= highest else { return nil }
            return d
        }

        var shown: String { "from \(Bound.shown(lowest)) to \(Bound.shown(highest))" }

        private static func shown(_ d: Double) -> String {
            d == d.rounded() ? String(Int(d)) : String(d)
        }
    }

    /// Every number golive (or a library it loads: ncurses, libpq) reads from the
    /// environment.
    static let bounds: [String: Bound] = [
        "COLUMNS": .whole(20...1000),
        "LINES": .whole(5...1000),
        "ESCDELAY": .whole(0...10_000),
        "GOLIVE_HOOK_TIMEOUT": .fraction(0.1...3600),
        "GOLIVE_HOOKS_LOG_LIMIT": .whole(1024...1_073_741_824),
        "PGCONNECT_TIMEOUT": .whole(1...3600),
    ]

    /// The value of `name` in `environment` when it is a number in its range; nil when it
    /// is unset or not (warned about at start by `dropInsaneValues`).
    static func number(_ name: String, in environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Double?
    {
        guard let bound = bounds[name], let text = environment[name], !text.isEmpty else { return nil }
        return bound.value(text)
    }

    /// Warns about, and removes from this process (ncurses and libpq read some of them
    /// too), every value that is not a number in its range.
    static func dropInsaneValues() {
        for (name, bound) in bounds.sorted(by: { $0.key < $1.key }) {
            guard let text = ProcessInfo.processInfo.environment[name], !text.isEmpty else { continue }
            if bound.value(text) != nil { continue }
            let shown = Text.inert(String(text.prefix(20)))
            printError("golive: \(name)=\(shown) is not a number \(bound.shown): ignored")
            unsetenv(name)
        }
    }
}
