import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Restore a JSON export into a new, empty store.")

    @OptionGroup var common: CommonOptions
    @Argument(help: ArgumentHelp("The export file.", valueName: "file.json"), completion: .file(extensions: ["json"]))
    var file: String

    func run() throws {
        let doc = try ExportDocument.read(path: file)
        let store = try common.open(.create)
        try doc.restore(into: store)
        say("restored \(doc.accounts.count) accounts and \(doc.events.count) events into \(store.path)")
    }
}
