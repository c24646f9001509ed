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
        let store = try common.open(.readOnly)
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw UsageProblem("\(output) exists: nothing was written (--force replaces it)")
        }
        let document = try ExportDocument.make(from: store)
        let data = try document.json()
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        try Export.writePrivately(data, to: output)
        say("exported \(document.accounts.count) accounts and \(document.events.count) events to \(output)")
    }

    /// An export holds customers and revenue: the file is its owner's only (0600), like the
    /// store itself, whatever the umask.
    static func writePrivately(_ data: Data, to path: String) throws {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else { throw UsageProblem("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var done = 0
            while done < bytes.count {
                let n = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                guard n > 0 else {
                    throw UsageProblem(
                        "cannot write \(path): \(String(cString: strerror(errno))) (the file is incomplete)")
                }
                done += n
            }
        }
    }
}
