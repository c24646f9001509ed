import ArgumentParser
import GoliveDomain

/// `golive task …`: a task's status, due day and owner, or a new task, from a script.
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Change a task from a script: status, due, owner, or add one.",
        subcommands: [TaskStatusCommand.self, TaskDueCommand.self, TaskOwnerCommand.self, TaskAddCommand.self])
}

struct TaskStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set a task's status (blocked needs --reason).")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The task, by id or by its title (any case).", valueName: "task")) var task: String
    @Argument(
        help: ArgumentHelp(
            "open, in_progress, waiting, blocked, done, skipped; approvals: pending, approved, rejected",
            valueName: "status"))
    var status: String
    @Option(help: "Why (a blocked task needs one).") var reason: String?

    func run() throws {
        guard let to = TaskStatus(rawValue: status.replacingOccurrences(of: " ", with: "_").lowercased()) else {
            let known = TaskStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageProblem("'\(status)' is not a task status (expected \(known))")
        }
        try ScriptedChange.run(options) { a in
            .setTaskStatus(task: try ScriptedChange.task(task, in: a).id, to: to, reason: reason)
        }
    }
}

struct TaskDueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Move a task's due day, and the work it pushes out with it.",
        discussion: """
            A later day moves, in the same change, the open tasks waiting on it that would be due \
            before it (by as many days) and the checkpoints its work overruns, with the checkpoints \
            of later stages they would overtake (a plan is never out of order); what moved is \
            printed after 'also moved:'. When a checkpoint moves, --reason says why.
            """)
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The task, by id or by its title (any case).", valueName: "task")) var task: String
    @Argument(help: DayOption.movingHelp("The new due day")) var due: String
    @Option(help: "Why the checkpoints it pushes out move (needed when one does).") var reason: String?
    @Flag(help: "Move only this task, not the work it pushes out.") var only = false

    func run() throws {
        try ScriptedChange.run(options) { a in
            let t = try ScriptedChange.task(task, in: a)
            let day = try ScriptedChange.day(due, "the due day", moving: t.due, options)
            let pushed = only ? PushedOut() : a.pushedOut(byMoving: t.id, to: day)
            if reason == nil, !pushed.checkpoints.isEmpty {
                throw UsageProblem(
                    "'\(t.title)' to \(day.iso) also moves \(pushed.words(in: a).joined(separator: ", ")): "
                        + "give --reason (why they move), or --only to move just the task")
            }
            return .setTaskDue(task: t.id, due: day, shift: !only, reason: reason)
        }
    }
}

struct TaskOwnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "owner", abstract: "Give a task to someone else.")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The task, by id or by its title (any case).", valueName: "task")) var task: String
    @Argument(help: ArgumentHelp("Its new owner.", valueName: "owner")) var owner: String

    func run() throws {
        try ScriptedChange.run(options) { a in
            .reassignTask(task: try ScriptedChange.task(task, in: a).id, owner: owner)
        }
    }
}

struct TaskAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a task to an account.")
    @OptionGroup var options: ChangeOptions
    @Argument(help: ArgumentHelp("The new task's title.", valueName: "title")) var title: String
    @Option(help: "internal, customer or approval") var lane = "internal"
    @Option(help: "Who does it.") var owner: String
    @Option(help: DayOption.help("When it is due")) var due: String
    @Option(help: ArgumentHelp("The checkpoint it leads to (id, key or name).", valueName: "checkpoint"))
    var checkpoint: String?

    func run() throws {
        guard let lane = Lane(rawValue: lane.lowercased()) else {
            throw UsageProblem("--lane '\(self.lane)' is not a lane (expected internal, customer or approval)")
        }
        let day = try ScriptedChange.day(due, "--due", options)
        try ScriptedChange.run(options) { a in
            .addTask(
                lane: lane, title: title, owner: owner, due: day,
                checkpoint: try checkpoint.map { try ScriptedChange.checkpoint($0, in: a).id })
        }
    }
}
