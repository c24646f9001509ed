import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export everything, events included, as JSON.")

    @OptionGroup var common: CommonOptions
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        let store = try common.open(.readOnly)
        let data = try ExportDocument.make(from: store).json()
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: data) else {
                throw UsageProblem("cannot write \(output)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
