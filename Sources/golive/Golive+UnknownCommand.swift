import ArgumentParser
import GoliveDomain

extension Golive {
    /// What is wrong with the command words at the start of `args` (`golive reprot`,
    /// `golive help nosuch`, `golive task stauts`), in words with the nearest command, or
    /// nil when every word names a command. ArgumentParser would read `reprot` as an
    /// argument to the board, and `help nosuch` as the top help, exit 0.
    static func unknownCommand(in args: [String]) -> String? {
        var words = args
        let asksHelp = words.first == "help"
        if asksHelp { words.removeFirst() }
        var command: ParsableCommand.Type = Golive.self
        var path: [String] = []
        for word in words {
            // An option, or the first argument of a command that takes no subcommand.
            if word.hasPrefix("-") { return nil }
            let subcommands = Golive.subcommands(of: command)
            if subcommands.isEmpty { return nil }
            // Help is asked at any level (`golive task help`).
            if word == "help" { return nil }
            if let next = subcommands.first(where: { Golive.name(of: $0) == word }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { Golive.name(of: $0) }
            let prefix = path.map { $0 + " " }.joined()
            let near = Nearest.names(to: word, among: names, limit: 3).map { "'\(prefix)\($0)'" }
            let hint = Nearest.question(near) ?? "the commands: \(names.joined(separator: ", "))"
            return "unknown command '\(Text.inert(prefix + word))' (\(hint))"
        }
        return nil
    }

    // Generic, so the compiler opens the command type itself: Swift 6.3 crashes lowering
    // `configuration` read through `any ParsableCommand.Type`.
    private static func subcommands<C: ParsableCommand>(of command: C.Type) -> [ParsableCommand.Type] {
        C.configuration.subcommands
    }

    private static func name<C: ParsableCommand>(of command: C.Type) -> String { C._commandName }
}
