import Foundation

extension Golive {
    /// Options whose value is a day.
    static let dayOptions: Set<String> = ["--as-of", "--since", "--until", "--follow-up", "--due"]

    /// Commands whose last argument is a day (`golive go-live ACME -7`).
    static let dayArgumentCommands: Set<String> = ["go-live", "checkpoint", "task"]

    /// `-2` and `-1w` typed as days, as the board's date questions take them. ArgumentParser
    /// reads a word that starts with a dash as an option, so `--until -2` becomes
    /// `--until=-2`, and a day given as the last argument (`golive go-live ACME -7 --reason …`)
    /// moves after a `--`, where nothing is read as an option.
    static func negativeDaysAsValues(_ args: [String]) -> [String] {
        let end = args.firstIndex(of: "--") ?? args.endIndex
        let takesDayArgument = args.first.map(dayArgumentCommands.contains) ?? false
        var head: [String] = []
        var moved: [String] = []
        for a in args[..<end] {
            guard isNegativeDay(a) else {
                head.append(a)
                continue
            }
            if let last = head.last, dayOptions.contains(last) {
                head[head.count - 1] = last + "=" + a
            } else if takesDayArgument {
                moved.append(a)
            } else {
                head.append(a)
            }
        }
        let tail = end < args.endIndex ? Array(args[args.index(after: end)...]) : []
        guard !moved.isEmpty || end < args.endIndex else { return head }
        return head + ["--"] + moved + tail
    }

    /// "-2", "-10d", "-1w": a negative offset in days or weeks.
    static func isNegativeDay(_ a: String) -> Bool {
        var body = a.dropFirst()
        guard a.first == "-", let unit = body.last else { return false }
        if unit == "d" || unit == "w" { body = body.dropLast() }
        return !body.isEmpty && body.count <= 4 && body.allSatisfy(\.isASCII) && body.allSatisfy(\.isNumber)
    }
}
