public struct AccountStatus: Hashable, Sendable {
    public var rag: RAG
    public var checkpoints: [CheckpointStatus]
    /// The reasons behind the account's amber or red, worst first (empty when green).
    public var reasons: [Reason]
}
