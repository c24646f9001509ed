import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export everything, events included, as JSON.")

    @OptionGroup var common: CommonOptions
    @Option(
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var output: String?
    @Flag(help: "Replace the --output file if it exists.") var force = false

    func run() throws {
        // Checked before the store is opened: a refused target leaves nothing touched.
        let destination = try output.map {
            try Destination($0, replacing: force, keeping: Destination.Kept.store(common.storePath()))
        }
        let store = try common.open(.readOnly)
        guard let destination else {
            _ = try ExportDocument.stream(from: store) {
                try Export.write($0, to: STDOUT_FILENO, path: "standard output")
            }
            return
        }
        var written: ExportDocument.Written?
        try destination.write { fd in
            written = try ExportDocument.stream(from: store) { try destination.write($0, to: fd) }
        }
        say(
            "exported \(plural(written?.accounts ?? 0, "account")) and \(plural(written?.events ?? 0, "event")) "
                + "to \(destination.path)")
    }

    static func write(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw UsageProblem(
                        "cannot write \(path): \(String(cString: strerror(errno))) (the file is incomplete)")
                }
                done += n
            }
        }
    }
}
