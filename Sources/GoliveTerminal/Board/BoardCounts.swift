import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What the board's header counts.
public struct BoardCounts: Equatable, Sendable {
    public var accounts = 0
    public var active = 0
    public var stalled = 0
    public var red = 0, amber = 0, green = 0
    /// Active accounts on hold: counted here, not by their colour, which stands still.
    public var held = 0
    /// The most checkpoints any listed account has (the strip's width).
    public var checkpoints = 0

    public var byRAG: [RAG: Int] { [.red: red, .amber: amber, .green: green] }

    mutating func add(_ r: RowKeys) {
        accounts += 1
        guard !r.completed else { return }
        active += 1
        if r.onHold {
            held += 1
        } else {
            switch r.rag {
            case .red: red += 1
            case .amber: amber += 1
            case .green: green += 1
            }
        }
        if r.stalled { stalled += 1 }
        checkpoints = max(checkpoints, r.checkpoints)
    }
}
