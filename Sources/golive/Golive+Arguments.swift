import ArgumentParser

extension Golive {
    /// The options every command takes, with whether each takes a value.
    static let globalOptions: [String: Bool] = ["--store": true, "--as-of": true, "--user": true]

    /// `golive --store X report stalled` as `golive report stalled --store X`: options that
    /// every command takes may come before the subcommand, as in git.
    static func globalOptionsLast(_ args: [String]) -> [String] {
        var front: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            guard let takesValue = globalOptions[name] else { break }
            front.append(a)
            if takesValue && !a.contains("=") && i + 1 < args.count {
                front.append(args[i + 1])
                i += 1
            }
            i += 1
        }
        let rest = Array(args[i...])
        guard !front.isEmpty, let first = rest.first, !first.hasPrefix("-") else { return args }
        // Before a `--`, where what follows is never an option.
        if let end = rest.firstIndex(of: "--") { return Array(rest[..<end]) + front + Array(rest[end...]) }
        return rest + front
    }

    /// `golive --help`: the commands, then the board's own options — `golive` alone opens the
    /// board, so they are the ones a new user wants first.
    static func helpWithBoardOptions() -> String {
        let board = Board.helpMessage(columns: 100)
        let options = board.range(of: "OPTIONS:").map { String(board[$0.lowerBound...]) } ?? board
        // ArgumentParser hides the option that prints the shell's completion script.
        let completion = """
            OPTIONS:
              --generate-completion-script <shell>
                                      Print the Tab completion script for bash, zsh or fish.

            """
        let top = helpMessage(columns: 100).trimmingCharacters(in: .newlines)
        let listed = top.replacingOccurrences(of: "OPTIONS:\n", with: completion)
        return listed + "\n\nBOARD " + options
    }
}
