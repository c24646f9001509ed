import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What sorting, filtering by CSM and counting need of a row, with no reference inside:
/// the board walks 10,000 of these on every key that reorders it.
struct RowKeys: Sendable {
    var id: Int64
    var goLive: Int
    /// The go-live the row shows: the day it went live, once live.
    var goLiveShown: Int
    /// Days the go-live is forecast after its target; once live, -1: after every onboarding
    /// still to go live in the slip order.
    var goLiveSlip: Int
    var daysOverSLA: Int
    var arr: Int
    var nameRank: Int
    /// The CSM, as an index into `BoardRows.csms`.
    var csm: Int
    var checkpoints: Int
    var rag: RAG
    var stalled: Bool
    var completed: Bool
    var escalated: Bool
    var onHold: Bool
    var segment: Segment
    /// The stage, as an index into `BoardRows.stages`.
    var stage: Int
    /// Whose court the ball is in, from the schedule.
    var court: Court

    init(_ r: BoardRow, csm: Int, stage: Int) {
        id = r.id
        goLive = r.goLive.ordinal
        goLiveShown = (r.goLiveAchieved ?? r.goLive).ordinal
        goLiveSlip = r.goLiveAchieved == nil ? r.goLiveForecast - r.goLive : -1
        daysOverSLA = r.daysInStage - r.slaDays
        arr = r.arr
        nameRank = r.nameRank
        self.csm = csm
        checkpoints = r.strip.count
        rag = r.rag
        stalled = r.stall != nil
        completed = r.completed
        escalated = r.escalated
        onHold = r.heldSince != nil
        segment = r.segment
        self.stage = stage
        court = r.court
    }
}
