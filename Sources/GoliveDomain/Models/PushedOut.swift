/// Work that moves with a move: each task and checkpoint, its due date now and after.
public struct PushedOut: Hashable, Sendable {
    public struct Push: Hashable, Sendable {
        public var id: Int64
        public var from: Day
        public var to: Day
    }
    public var tasks: [Push] = []
    public var checkpoints: [Push] = []
    public var isEmpty: Bool { tasks.isEmpty && checkpoints.isEmpty }

    public init(tasks: [Push] = [], checkpoints: [Push] = []) {
        self.tasks = tasks
        self.checkpoints = checkpoints
    }

    /// "'Test' 2026-01-17 → 2026-01-21", "Go-live 2026-02-01 → 2026-02-05": tasks first, each
    /// date as `day` writes it (the screens write 01-17).
    public func words(in a: Account, day: (Day) -> String = \.iso) -> [String] {
        tasks.map { "'\(a.task($0.id)?.title ?? "a task")' \(day($0.from)) → \(day($0.to))" }
            + checkpoints.map { "\(a.checkpoint($0.id)?.name ?? "a checkpoint") \(day($0.from)) → \(day($0.to))" }
    }
}
