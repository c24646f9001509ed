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
        let written = try restore(ExportFile.open(path: file), to: path)
        say(
            "restored \(plural(written.accounts, "account")) and \(plural(written.events, "event")) into \(written.store)"
        )
    }

    /// Restores an export into the store at `path`, all or nothing.
    private func restore(_ export: ExportFile, to path: String) throws -> (accounts: Int, events: Int, store: String) {
        // A new store is built whole beside its place and moved in when complete: a refused
        // file leaves nothing, and a crash nothing but a scratch file the next build removes.
        if Store.canBuild(at: path) {
            var written: ExportDocument.Written?
            _ = try Store.build(at: path) { store in written = try export.restore(into: store, compact: false) }
            return (written?.accounts ?? 0, written?.events ?? 0, path)
        }
        let isNew = !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path)
        let store = try common.open(.create)
        do {
            let written = try export.restore(into: store)
            return (written.accounts, written.events, store.path)
        } catch {
            // A store this command made for a file it then refused is taken away again:
            // nothing is left that the user did not have before.
            if isNew { Restore.remove(store: path) }
            throw error
        }
    }

    /// A `golive backup` file: read through its export, so a backup another program edited
    /// meets every check a JSON restore makes (a copy of the file would take it as it is).
    private func restoreBackup(to path: String) throws {
        let backup = try Store(path: file, mode: .readOnly)
        let check = try backup.integrityCheck()
        guard check == "ok" else {
            throw UsageProblem("\(file) is damaged (integrity check: \(check)): nothing was restored")
        }
        if let problem = try backup.unfaithfulValue() {
            throw UsageProblem("\(file): \(problem): nothing was restored")
        }
        let folder = try Restore.privateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = (folder as NSString).appendingPathComponent("backup.json")
        let target = try Destination(json, replacing: false, keeping: [])
        try target.write { fd in _ = try ExportDocument.stream(from: backup) { try target.write($0, to: fd) } }
        let written: (accounts: Int, events: Int, store: String)
        do {
            written = try restore(ExportFile.open(path: json), to: path)
        } catch var e as FileError where e.file == json {
            e.file = file
            throw e
        }
        say(
            "restored \(plural(written.accounts, "account")) and \(plural(written.events, "event")) "
                + "from the backup \(file) into \(written.store)")
    }

    /// A folder of this process's own in the temporary folder (`mkdtemp`, 0700): a name made up
    /// there could be a link another user put in place first.
    static func privateFolder() throws -> String {
        var template = Array(
            (NSTemporaryDirectory() as NSString).appendingPathComponent("golive-restore-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw UsageProblem("cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    static func remove(store path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
