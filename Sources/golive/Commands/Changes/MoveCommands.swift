import ArgumentParser
import GoliveDomain

/// What a move of a checkpoint or of the go-live says of the plan's order, in `--help`.
private let keepsTheOrder = """
    A plan is never out of order: the checkpoints of later stages the new day would put \
    before it move with it (of earlier stages after it, for an earlier day), by as many days, \
    in the same change and for the same reason; what moved is printed after 'also moved:'. \
    --only moves just this one, and is refused when that would leave the plan out of order.
    """

/// `golive checkpoint move`: a checkpoint's due day, with why.
struct CheckpointMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a checkpoint's due day (with a reason; the first plan is kept).",
        discussion: keepsTheOrder)
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The checkpoint, by id, key or name.", valueName: "checkpoint")) var checkpoint: String
    @Argument(help: DayOption.movingHelp("Its new due day")) var due: String
    @Option(help: "Why it moves (needed).") var reason: String
    @Flag(help: "Move only this checkpoint (refused if that leaves the plan out of order).") var only = false

    func run() throws {
        try ScriptedChange.run(options) { a in
            let c = try ScriptedChange.checkpoint(checkpoint, in: a)
            let day = try ScriptedChange.day(due, "the due day", moving: c.due, options)
            return .moveCheckpoint(checkpoint: c.id, to: day, reason: reason, only: only)
        }
    }
}

/// `golive go-live`: the target go-live, with why.
struct GoLiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "go-live", abstract: "Move an account's target go-live (with a reason; the first plan is kept).",
        discussion: keepsTheOrder)
    @OptionGroup var options: ChangeOptions
    @Argument(help: DayOption.movingHelp("The new go-live")) var day: String
    @Option(help: "Why it moves (needed).") var reason: String
    @Flag(help: "Move only the go-live (refused if that leaves the plan out of order).") var only = false

    func run() throws {
        try ScriptedChange.run(options) { a in
            let to = try ScriptedChange.day(day, "the go-live", moving: a.goLive, options)
            return .moveGoLive(to: to, reason: reason, only: only)
        }
    }
}
