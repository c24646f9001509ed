import Foundation
import GoliveIO
import GoliveTerminal

/// The man page: what `swift package generate-manual` made from the argument definitions,
/// with sections on the board's keys and golive's files added, so that `man golive` answers
/// what `?` answers on the board.
enum ManualPage {
    static let begin = #".\" golive: keys and files (added by golive install)"#
    static let end = #".\" golive: end of keys and files"#

    /// Where the generated page is looked for when none is named: beside a build
    /// (`.build/plugins/GenerateManual/outputs/golive/golive.1`, two folders above the binary)
    /// and beside an installed binary (`PREFIX/share/man/man1/golive.1`).
    static func candidates(binary: String) -> [String] {
        let folder = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
        // .build/x86_64-unknown-linux-gnu/release/golive: the plugins' outputs are in .build.
        let build = folder.deletingLastPathComponent().deletingLastPathComponent()
        return [
            build.appendingPathComponent("plugins/GenerateManual/outputs/golive/golive.1").path,
            folder.deletingLastPathComponent().appendingPathComponent("share/man/man1/golive.1").path,
        ]
    }

    /// The generated page, from `named` or the first candidate that exists.
    static func generated(named: String?, binary: String) throws -> (path: String, text: String) {
        let tried = named.map { [$0] } ?? candidates(binary: binary)
        for path in tried {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            guard let text = String(data: data, encoding: .utf8), text.contains(".Dt GOLIVE") else {
                throw UsageProblem("\(path) is not golive's man page (no .Dt GOLIVE line): nothing was installed")
            }
            return (path, text)
        }
        if let named {
            throw UsageProblem("cannot read the man page \(named): nothing was installed")
        }
        throw UsageProblem(
            "no man page beside this binary (looked for \(tried.joined(separator: " and "))): "
                + "run `swift package generate-manual` first, or name one with --man-page; nothing was installed")
    }

    /// `page` with this binary's keys and files in place of any an earlier install added,
    /// before the exit status.
    static func completed(_ page: String) -> String {
        var lines = page.components(separatedBy: "\n")
        if let b = lines.firstIndex(of: begin), let e = lines.firstIndex(of: end), b <= e {
            lines.removeSubrange(b...e)
        }
        let added = [begin] + sections() + [end]
        let at = lines.firstIndex { $0.hasPrefix(".Sh") && $0.uppercased().contains("EXIT") } ?? lines.endIndex
        lines.insert(contentsOf: added, at: at)
        return lines.joined(separator: "\n")
    }

    static func sections() -> [String] {
        var out = [
            ".Sh KEYS",
            "The board's keys, screen by screen, as the help overlay",
            Mdoc.text("(?) lists them; keys.yaml changes them (see FILES)."),
            "Questions take Enter to answer and Esc to cancel; in a date, + and - move a day.",
        ]
        for scope in Scope.allCases {
            let bindings = KeyTable.defaults.bindings.filter { $0.scope == scope }
            guard !bindings.isEmpty else { continue }
            out += [".Ss " + Mdoc.argument(scope.title), ".Bl -tag -width 14n -compact"]
            for b in bindings {
                out.append(".It " + Mdoc.argument(b.keys.map(\.description).joined(separator: " ")))
                out.append(Mdoc.text(b.description))
            }
            out.append(".El")
        }
        out += [".Sh FILES", ".Bl -tag -width 14n -compact"]
        for (path, what) in files {
            out.append(".It Pa " + Mdoc.argument(path))
            out.append(Mdoc.text(what))
        }
        out += [".El", ".Sh ENVIRONMENT", ".Bl -tag -width 14n -compact"]
        for (name, what) in environment {
            out.append(".It Ev " + Mdoc.argument(name))
            out.append(Mdoc.text(what))
        }
        out.append(".El")
        return out
    }

    static let files: [(String, String)] = [
        (
            "$XDG_DATA_HOME/golive/portfolio.sqlite",
            "The store (default ~/.local/share/golive/portfolio.sqlite), one SQLite file for your "
                + "portfolio; --store or GOLIVE_STORE names another, or a team store's postgresql:// URL."
        ),
        ("$XDG_DATA_HOME/golive/demo.sqlite", "The sample portfolio golive --demo opens, seeded on first use."),
        ("$XDG_DATA_HOME/golive/backups/", "Where golive backup writes when no --output is given."),
        ("$XDG_DATA_HOME/golive/hooks.log", "Hooks that failed or took too long, written down."),
        (
            "$XDG_CONFIG_HOME/golive/config.yaml",
            "Your settings: user (the name your changes are saved under), capacity (accounts per CSM) and capacity_weights (by segment)."
        ),
        ("$XDG_CONFIG_HOME/golive/keys.yaml", "Keys of your own: a key name per command, by screen."),
        ("$XDG_CONFIG_HOME/golive/themes/", "Themes of your own (YAML), beside the built-in ones."),
        ("$XDG_CONFIG_HOME/golive/playbooks/", "Playbooks of your own (YAML)."),
        (
            "$XDG_CONFIG_HOME/golive/hooks/on-change",
            "An executable run after each saved change, given the change as JSON on standard input."
        ),
    ]

    static let environment: [(String, String)] = [
        ("GOLIVE_STORE", "The store to open when --store is not given."),
        ("GOLIVE_TODAY", "A day (YYYY-MM-DD) to read the portfolio as of, as --as-of does."),
        ("XDG_DATA_HOME", "Where the store lives (default ~/.local/share)."),
        ("XDG_CONFIG_HOME", "Where config.yaml, keys.yaml, themes, playbooks and hooks live (default ~/.config)."),
        ("GOLIVE_THEME", "The theme to draw with when --theme is not given."),
        ("GOLIVE_HOOK_TIMEOUT", "Seconds a hook may run before it is stopped (0.1 to 3600, default 10)."),
        ("NO_COLOR", "When set and not empty, the board draws without colour."),
        ("ESCDELAY", "Milliseconds to wait after Esc for the rest of a key's sequence (default 25)."),
    ]
}
