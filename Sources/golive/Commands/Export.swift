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
        guard let output else {
            _ = try ExportDocument.stream(from: store) {
                try Export.write($0, to: STDOUT_FILENO, path: "standard output")
            }
            return
        }
        let fd = try Export.openPrivately(output)
        defer { close(fd) }
        let written = try ExportDocument.stream(from: store) { try Export.write($0, to: fd, path: output) }
        say("exported \(written.accounts) accounts and \(written.events) events to \(output)")
    }

    /// An export holds customers and revenue: the file is its owner's only (0600), like the
    /// store itself, whatever the umask.
    static func openPrivately(_ path: String) throws -> Int32 {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else { throw UsageProblem("cannot write \(path): \(String(cString: strerror(errno)))") }
        fchmod(fd, 0o600)
        return fd
    }

    static func write(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                guard n > 0 else {
                    throw UsageProblem(
                        "cannot write \(path): \(String(cString: strerror(errno))) (the file is incomplete)")
                }
                done += n
            }
        }
    }
}
