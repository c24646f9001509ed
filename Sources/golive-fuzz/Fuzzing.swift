import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// The file parsers, each fed its input the way a user's file reaches it: from disk.
enum Fuzzing {
    /// One scratch folder per process; libFuzzer runs inputs one after another in it.
    static let scratch: String = {
        let path = NSTemporaryDirectory() + "golive-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fuzzing.scratch) }
        return path
    }()

    static func file(_ data: Data, named name: String) -> String {
        let path = "\(scratch)/\(name)"
        _ = FileManager.default.createFile(atPath: path, contents: data)
        return path
    }

    static func csv(_ data: Data) {
        _ = try? CSVImport.read(path: file(data, named: "accounts.csv"))
    }

    static func playbook(_ data: Data) {
        _ = try? PlaybookFile.load(path: file(data, named: "playbook.yaml"))
    }

    static func theme(_ data: Data) {
        _ = try? ThemeFile.load(path: file(data, named: "theme.yaml"))
    }

    static func keys(_ data: Data) {
        _ = try? KeyTable.load(path: file(data, named: "keys.yaml"))
    }

    /// A restore reads the whole file before it writes; an input that opens is restored into
    /// a new store, which must then be sound.
    static func restore(_ data: Data) {
        guard let export = try? ExportFile.open(path: file(data, named: "export.json")) else { return }
        let path = "\(scratch)/restored.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard let store = try? Store(path: path, mode: .create) else { fatalError("cannot create \(path)") }
        _ = try? export.restore(into: store)
        let verdict = try? store.integrityCheck()
        precondition(verdict == "ok", "restore left the store unsound: \(verdict ?? "no answer")")
    }

    /// The dates a prompt or a CSV cell takes, and the amounts a CSV cell takes.
    static func dates(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        if let d = Day(typed: text, today: today) { precondition(Day(iso: d.iso) == d, "\(d.iso) does not read back") }
        if let d = Day(iso: text) { precondition(d.iso == text, "'\(text)' reads as \(d.iso)") }
        for order in [CSVImport.SlashOrder.monthFirst, .dayFirst] {
            if let d = CSVImport.date(text, order) { precondition(Day(iso: d.iso) == d, "'\(text)' reads as \(d.iso)") }
        }
        _ = Timestamp.date(of: text)
        _ = CSVImport.money(text)
    }
}
