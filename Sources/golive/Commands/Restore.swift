import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a JSON export or a `golive backup` file into a new, empty store.")

    @OptionGroup var common: CommonOptions
    @Argument(
        help: ArgumentHelp("The export (JSON) or backup (SQLite) file.", valueName: "file"),
        completion: .file(extensions: ["json", "sqlite"]))
    var file: String

    func run() throws {
        let path = try common.storePath()
        if Store.isSQLiteFile(file) { return try restoreBackup(to: path) }
        let export = try ExportFile.open(path: file)
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

    /// A `golive backup` file: copied whole into a new file store (checked as it is copied),
    /// or read through its export into a team store or an existing empty one.
    private func restoreBackup(to path: String) throws {
        let backup = try Store(path: file, mode: .readOnly)
        let check = try backup.integrityCheck()
        guard check == "ok" else {
            throw UsageProblem("\(file) is damaged (integrity check: \(check)): nothing was restored")
        }
        let counts =
            "\(plural(try backup.accountCount(), "account")) and \(plural(Int(try backup.lastEventID()), "event"))"
        if !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path) {
            try backup.backup(to: path, wal: true)
            return say("restored \(counts) from the backup \(file) into \(path)")
        }
        let json = NSTemporaryDirectory() + "golive-restore-\(getpid()).json"
        defer { unlink(json) }
        let fd = try Export.openPrivately(json)
        do {
            defer { close(fd) }
            _ = try ExportDocument.stream(from: backup) { try Export.write($0, to: fd, path: json) }
        }
        let store = try common.open(.create)
        _ = try ExportFile.open(path: json).restore(into: store)
        say("restored \(counts) from the backup \(file) into \(store.path)")
    }

    static func remove(store path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
