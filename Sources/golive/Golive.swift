import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

@main
struct Golive: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "golive",
        abstract: "A Customer Success Manager's onboarding portfolio on one board.",
        discussion: "Without a subcommand, golive opens the board.",
        version: version,
        subcommands: [
            Board.self, Seed.self, Report.self, Import.self, Export.self, Restore.self, PlaybookCommand.self,
            ThemeCommand.self, Info.self,
        ],
        defaultSubcommand: Board.self)

    /// Runs the command and turns every failure a user can cause into one line on
    /// standard error and a non-zero exit, never a stack trace.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as UsageProblem {
            fail(e.description)
        } catch let e as FileError {
            fail(e.description)
        } catch let e as StoreError {
            fail(e.description)
        } catch let e as Refusal {
            fail(e.description)
        } catch {
            exit(withError: error)
        }
    }

    static func fail(_ message: String) -> Never {
        printError("golive: " + Text.inert(message))
        Foundation.exit(1)
    }
}
