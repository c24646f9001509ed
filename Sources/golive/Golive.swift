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
            Board.self, Seed.self, Report.self, DigestCommand.self, EventsCommand.self, CalendarCommand.self,
            PlanCommand.self, TaskCommand.self, CheckpointCommand.self, GoLiveCommand.self, StageCommand.self,
            EscalateCommand.self,
            ResolveCommand.self, HoldCommand.self, ResumeCommand.self, NoteCommand.self, ReviewedCommand.self,
            ReassignCommand.self,
            Import.self, Backup.self, Export.self,
            Restore.self,
            PlaybookCommand.self,
            ThemeCommand.self, Info.self, InstallCommand.self, UninstallCommand.self,
        ],
        defaultSubcommand: Board.self)

    /// Runs the command and turns every failure a user can cause into one line on
    /// standard error and a non-zero exit, never a stack trace.
    static func main() {
        // Read before the process list's copy of the arguments is overwritten.
        StoreSecrets.remember(CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        Environment.dropInsaneValues()
        let arguments = Golive.negativeDaysAsValues(
            Golive.globalOptionsLast(Array(CommandLine.arguments.dropFirst())))
        ProcessList.hidePasswords()
        if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            print(Golive.helpWithBoardOptions())
            return
        }
        if CompletionRoot.handles(arguments) { CompletionRoot.main(arguments) }
        if let problem = Golive.unknownCommand(in: arguments) {
            printError("golive: " + problem + " (golive --help)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let e as EndedBySignal {
            Foundation.exit(e.status)
        } catch let e as ExitCode where e != .success {
            // A command that already said why (a follower whose store went away).
            Foundation.exit(e.rawValue)
        } catch let e as UsageProblem {
            fail(e.description)
        } catch let e as FileError {
            fail(e.description)
        } catch let e as StoreError {
            fail(e.description)
        } catch let e as Refusal {
            fail(e.description)
        } catch let e as PostgresError {
            fail("the team store answered: \(e)")
        } catch {
            // Help and --version exit cleanly as ArgumentParser prints them; every other
            // argument error is one line in golive's own style.
            let code = Golive.exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let first = Golive.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            // "Unknown option" reads as a clause after "golive:"; "GOLIVE_TODAY" stays as written.
            let clause =
                first.dropFirst().first?.isLowercase == true ? first.prefix(1).lowercased() + first.dropFirst() : first
            // The pointer to --help is for a mistake on the command line, which ArgumentParser
            // tells by its exit code; a failure while running is not fixed by reading the help.
            let help = code == .validationFailure ? " (golive --help)" : ""
            printError("golive: " + Text.inert(clause) + help)
            Foundation.exit(code.rawValue)
        }
    }

    static func fail(_ message: String) -> Never {
        printError("golive: " + Text.inert(message))
        Foundation.exit(1)
    }
}
