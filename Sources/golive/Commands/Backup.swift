import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// `golive backup`: a consistent copy of the store while others keep working.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the store to a backup file (consistent while others work; `golive restore` takes it).")

    @OptionGroup var common: CommonOptions
    @Option(
        help: ArgumentHelp(
            "The backup file (default: backups/NAME-YYYYMMDD-HHMMSS.sqlite beside the default store).",
            valueName: "file"),
        completion: .file(extensions: ["sqlite"]))
    var output: String?
    @Flag(help: "Replace the --output file if it exists.") var force = false

    func run() throws {
        let destination = try Export.destination(output, force: force, common: common)
        let store = try common.open(.readOnly)
        let target = try destination ?? Destination(defaultOutput(store), replacing: false, keeping: [])
        try store.backup(to: target)
        let path = target.path
        let copy = try Store(path: path, mode: .readOnly)
        say(
            "backed up \(plural(try copy.accountCount(), "account")) and \(plural(Int(try copy.lastEventID()), "event")) "
                + "to \(path) (integrity ok)")
    }

    private func defaultOutput(_ store: Store) throws -> String {
        let folder = (common.paths.dataDirectory as NSString).appendingPathComponent("backups")
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let name = ((store.path as NSString).lastPathComponent as NSString).deletingPathExtension
        return (folder as NSString).appendingPathComponent("\(name)-\(f.string(from: Date())).sqlite")
    }
}
