import ArgumentParser
import GoliveDomain
import GoliveIO

struct ReassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Give an account to another CSM (as o in the stalled review).",
        discussion: """
            With --move-tasks the old CSM's open internal tasks go to the new CSM in the same \
            change (one event; undo on the board takes both back). Customer tasks and approvals \
            keep their owners.
            """)
    @OptionGroup var options: ChangeOptions
    @Argument(
        help: ArgumentHelp("The new CSM: the whole name or a short form ('ana', 'asouza', 'sou').", valueName: "csm"))
    var csm: String
    @Flag(
        name: .customLong("move-tasks"),
        help: "Give the new CSM the old CSM's open internal tasks too, in the same change.")
    var moveTasks = false
    @Flag(name: .customLong("new-csm"), help: "The CSM is new: take the name as given when it fits no CSM.")
    var newCSM = false

    func run() throws {
        var kept: (csm: String, tasks: Int)?
        try ScriptedChange.run(options, namingTheAccount: true) { store, a in
            let to = try store.csm(reassigning: csm, allowingNew: newCSM)
            let theirs = a.openInternalTasks(of: a.csm).count
            if !moveTasks, theirs > 0, to != a.csm { kept = (a.csm, theirs) }
            return .reassignCSM(to: to, moveTasks: moveTasks)
        }
        // Said once saved, so a refused change never claims what stays with whom.
        if let kept {
            printError(
                "golive: \(Text.inert(kept.csm)) keeps \(plural(kept.tasks, "open internal task")) "
                    + "(--move-tasks gives them too)")
        }
    }
}
