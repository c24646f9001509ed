import ArgumentParser

/// The command the shell completion scripts are generated from, and answered by: golive's
/// commands, with the board's options on the root too. `golive --theme <Tab>` opens the
/// board with a theme (the board is the default command), so the root must offer the
/// board's values; ArgumentParser alone gives a default command's options only after its
/// name (`golive board --theme <Tab>`).
struct CompletionRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golive", version: Golive.version, subcommands: Golive.configuration.subcommands)

    @OptionGroup var board: Board

    /// Whether `arguments` ask for a completion script, or are the script asking for values.
    static func handles(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        return first == "---completion" || first.split(separator: "=").first == "--generate-completion-script"
    }
}
