import ArgumentParser
import GoliveDomain

/// `golive checkpoint achieve|move`: a checkpoint met or moved, from a script.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint", abstract: "Change a checkpoint from a script.",
        subcommands: [CheckpointAchieveCommand.self, CheckpointMoveCommand.self])
}

struct CheckpointAchieveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "achieve", abstract: "Mark a checkpoint achieved (its exit criteria met).")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The checkpoint, by id, key or name.", valueName: "checkpoint")) var checkpoint: String
    @Option(help: "Who confirmed it on the customer's side (when it needs confirming).") var confirmedBy: String?
    @Option(help: "Why it is marked although the account has not reached its stage.") var override: String?

    func run() throws {
        try ScriptedChange.run(options) { a in
            .achieveCheckpoint(
                checkpoint: try ScriptedChange.checkpoint(checkpoint, in: a).id, confirmedBy: confirmedBy,
                overrideReason: override)
        }
    }
}

/// `golive stage advance`: the next stage, from a script.
struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stage", abstract: "Change an account's stage from a script.",
        subcommands: [StageAdvanceCommand.self])
}

struct StageAdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance", abstract: "Move the account to its next stage.")
    @OptionGroup var options: ChangeOptions
    @Option(help: "Why it moves on although the stage's approvals or checkpoints are not done.") var override: String?

    func run() throws { try ScriptedChange.run(options) { _ in .advanceStage(overrideReason: override) } }
}

struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "escalate", abstract: "Escalate an account.")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("Why.", valueName: "reason")) var reason: String
    @Option(help: "To whom.") var to: String?

    func run() throws { try ScriptedChange.run(options) { _ in .escalate(reason: reason, to: to) } }
}

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Resolve an account's escalation.")
    @OptionGroup var options: ChangeOptions
    @Option(help: "How it was resolved.") var note: String?

    func run() throws { try ScriptedChange.run(options) { _ in .clearEscalation(note: note) } }
}

struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Put an account on hold (its clocks stop).")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("Why.", valueName: "reason")) var reason: String
    @Option(help: DayOption.help("About when it resumes")) var until: String

    func run() throws {
        let day = try ScriptedChange.day(until, "--until", options)
        try ScriptedChange.run(options) { _ in .hold(reason: reason, until: day) }
    }
}

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Resume an account on hold.",
        discussion: """
            The days on hold never count in any clock, whatever is chosen here. With --shift-plan \
            the open plan due from the hold's first day on (tasks, checkpoints and the go-live) \
            moves later by the days held, in the same change; what was overdue when the hold \
            began keeps its date, as its overdue days already skip the hold.
            """)
    @OptionGroup var options: ChangeOptions
    @Option(help: "What changed.") var note: String?
    @Flag(name: .customLong("shift-plan"), help: "Move the open plan later by the days held, in the same change.")
    var shiftPlan = false

    func run() throws { try ScriptedChange.run(options) { _ in .resume(note: note, shiftPlan: shiftPlan) } }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to an account (or one of its tasks).")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The note.", valueName: "text")) var text: String
    @Option(help: ArgumentHelp("The task it is about (id or title).", valueName: "task")) var task: String?

    func run() throws {
        try ScriptedChange.run(options) { a in
            .addNote(text: text, task: try task.map { try ScriptedChange.task($0, in: a).id })
        }
    }
}

struct ReviewedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewed", abstract: "Mark an account reviewed (as v in the stalled review).")
    @OptionGroup var options: ChangeOptions
    @Option(help: "The next step agreed (with --follow-up).") var next: String?
    @Option(help: DayOption.help("When to follow it up")) var followUp: String?

    func validate() throws {
        if (next == nil) != (followUp == nil) {
            throw ValidationError("--next and --follow-up go together (the step, and when to follow it up)")
        }
    }

    func run() throws {
        if let next, let followUp {
            let day = try ScriptedChange.day(followUp, "--follow-up", options)
            return try ScriptedChange.run(options) { _ in .followUp(nextStep: next, on: day) }
        }
        try ScriptedChange.run(options) { _ in .markReviewed }
    }
}
