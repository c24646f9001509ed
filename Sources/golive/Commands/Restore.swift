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
        let export = try ExportFile.open(path: file)
        let path = common.storePath()
        // A new store is built whole beside its place and moved in when complete: a refused
        // file leaves nothing, and a crash nothing but a scratch file the next build removes.
        if Store.canBuild(at: path) {
            var written: ExportDocument.Written?
            _ = try Store.build(at: path) { store in written = try export.restore(into: store, compact: false) }
            say("restored \(written?.accounts ?? 0) accounts and \(written?.events ?? 0) events into \(path)")
            return
        }
        let isNew = !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path)
        let store = try common.open(.create)
        do {
            let written = try export.restore(into: store)
            say("restored \(written.accounts) accounts and \(written.events) events into \(store.path)")
        } catch {
            // A store this command made for a file it then refused is taken away again:
            // nothing is left that the user did not have before.
            if isNew { Restore.remove(store: path) }
            throw error
        }
    }

    static func remove(store path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
