import ArgumentParser
import Foundation
import GoliveIO
import GoliveTerminal

/// What Tab offers for a value in the shell (`golive --generate-completion-script bash`):
/// the words a value may be, and the names of the user's themes and playbooks.
enum Completions {
    static let reports = CompletionKind.list(ReportKind.allCases.map(\.rawValue))
    static let formats = CompletionKind.list(ReportFormat.allCases.map(\.rawValue))
    static let views = CompletionKind.list(Board.views.map(\.name))
    static let stores = CompletionKind.file(extensions: ["sqlite", "db"])

    static let themes = CompletionKind.custom { _, _, prefix in
        let catalog = ThemeCatalog(userDirectory: Paths().themeDirectory)
        return catalog.list().map(\.name).filter { $0.hasPrefix(prefix) }
    }

    static let playbooks = CompletionKind.custom { _, _, prefix in
        let names = (try? PlaybookCatalog.load(userDirectory: Paths().playbookDirectory))?.entries.map(\.playbook.name)
        return (names ?? []).filter { $0.hasPrefix(prefix) }
    }
}
