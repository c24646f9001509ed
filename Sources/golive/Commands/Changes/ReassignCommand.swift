import ArgumentParser
import GoliveDomain

struct ReassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Give an account to another CSM (as o in the stalled review).",
        discussion: """
            With --move-tasks the old CSM's open internal tasks go to the new CSM in the same \
            change (one event; undo on the board takes both back). Customer tasks and approvals \
            keep their owners.
            """)
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The new CSM.", valueName: "csm")) var csm: String
    @Flag(
        name: .customLong("move-tasks"),
        help: "Give the new CSM the old CSM's open internal tasks too, in the same change.")
    var moveTasks = false

    func run() throws { try ScriptedChange.run(options) { _ in .reassignCSM(to: csm, moveTasks: moveTasks) } }
}
