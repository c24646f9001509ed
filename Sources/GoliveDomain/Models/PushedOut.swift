/// Work a moved task pushes out: each task and checkpoint, its due date now and after.
public struct PushedOut: Hashable, Sendable {
    public struct Push: Hashable, Sendable {
        public var id: Int64
        public var from: Day
        public var to: Day
    }
    public var tasks: [Push] = []
    public var checkpoints: [Push] = []
    public var isEmpty: Bool { tasks.isEmpty && checkpoints.isEmpty }
}
