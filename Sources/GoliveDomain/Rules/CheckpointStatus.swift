public struct CheckpointStatus: Hashable, Sendable {
    public var checkpoint: Checkpoint
    public var state: CheckpointState
    /// Every reason that applies, worst first.
    public var reasons: [Reason]
}
