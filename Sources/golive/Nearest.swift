import Foundation

/// The names nearest a mistyped one, for "did you mean": those that contain it, then
/// those a few typing slips away (a letter missed, added, changed or two swapped).
enum Nearest {
    /// Up to `limit` of `names` near `given`, nearest first; none when nothing is close.
    static func names(to given: String, among names: [String], limit: Int = 5) -> [String] {
        let typed = fold(given)
        guard !typed.isEmpty else { return [] }
        // A slip per three letters typed, at least one: "reprot" finds "report", "xyz" finds nothing.
        let allowed = max(1, typed.count / 3)
        var scored: [(name: String, score: Int)] = []
        for name in names {
            let folded = fold(name)
            if folded.contains(typed) {
                scored.append((name, 0))
                continue
            }
            // Further apart in length than the slips allowed: not worth measuring.
            if abs(folded.count - typed.count) > allowed { continue }
            let d = slips(typed, folded)
            if d <= allowed { scored.append((name, d)) }
        }
        let sorted = scored.enumerated().sorted { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }
        return sorted.prefix(limit).map(\.element.name)
    }

    /// "did you mean 'a', 'b' or 'c'?" of names already quoted, or nil when there is none.
    static func question(_ quoted: [String]) -> String? {
        guard let last = quoted.last else { return nil }
        let list = quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " or " + last
        return "did you mean \(list)?"
    }

    /// "(did you mean 'table'?)" for a value near one of `known`, else "(expected …)":
    /// `expected`, or the values listed.
    static func hint(_ given: String, among known: [String], expected: String? = nil) -> String {
        let near = names(to: given, among: known, limit: 3).map { "'\($0)'" }
        if let question = question(near) { return "(\(question))" }
        return "(expected \(expected ?? known.joined(separator: ", ")))"
    }

    /// Lower case without accents: a slip of case or accent is no slip.
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The optimal string alignment distance: insertions, deletions, changes and
    /// swaps of two neighbours, each one slip.
    static func slips(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [Int](repeating: 0, count: y.count + 1)
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            before = previous
            previous = current
        }
        return previous[y.count]
    }
}
