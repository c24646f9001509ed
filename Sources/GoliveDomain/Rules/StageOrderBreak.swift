/// Two checkpoints out of stage order: `later`, of a later stage, due before `earlier`.
public struct StageOrderBreak: Hashable, Sendable {
    public var earlier: Int64
    public var later: Int64
}
