import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What sorting, filtering by CSM and counting need of a row, with no reference inside:
/// the board walks 10,000 of these on every key that reorders it.
struct RowKeys: Sendable {
    var id: Int64
    var goLive: Int
    var daysOverSLA: Int
    var arr: Int
    var nameRank: Int
    /// The CSM, as an index into `BoardRows.csms`.
    var csm: Int
    var checkpoints: Int
    var rag: RAG
    var stalled: Bool
    var completed: Bool

    init(_ r: BoardRow, csm: Int) {
        id = r.id
        goLive = r.goLive.ordinal
        daysOverSLA = r.daysInStage - r.slaDays
        arr = r.arr
        nameRank = r.nameRank
        self.csm = csm
        checkpoints = r.strip.count
        rag = r.rag
        stalled = r.stall != nil
        completed = r.completed
    }
}
