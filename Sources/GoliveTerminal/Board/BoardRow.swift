import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// One account as the board shows it, computed from its facts once per change rather than
/// per frame. The sentences behind its RAG need the whole account, read only for the
/// account the screen is about (see `AppState.wanted`).
public struct BoardRow: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var csm: String
    public var segment: Segment
    public var stageName: String
    public var daysInStage: Int
    public var slaDays: Int
    public var strip: [CheckpointState]
    public var rag: RAG
    public var nextTitle: String?
    public var nextDue: Day?
    public var goLive: Day
    public var arr: Int
    public var stall: StallMark?
    public var completed: Bool
    public var escalated: Bool
    /// On hold since, and until about (nil when not on hold).
    public var heldSince: Day?
    public var holdResume: Day?
    /// Days the go-live stands from the first plan, and how many times it moved.
    public var goLiveSlip: Int
    public var goLiveMoves: Int
    public var goLiveAchieved: Day?
    public var contractSigned: Day
    /// Whose court the ball is in, from the schedule (ours for a completed onboarding,
    /// which the `court:` filter leaves out).
    public var court: Court
    /// When the go-live is forecast (the day it was achieved, once it is).
    public var goLiveForecast: Day
    public var version: Int
    /// Lower-cased once here, not in every comparison of every sort.
    var sortName: String
    /// Position of the name in alphabetical order, set when the board is loaded.
    var nameRank = 0

    public init(_ f: AccountFacts, asOf today: Day) {
        id = f.id
        name = f.name
        csm = f.csm
        segment = f.segment
        stageName = f.stageName
        daysInStage = f.daysInStage(asOf: today)
        slaDays = f.stageSLADays
        strip = f.strip(asOf: today)
        rag = f.rag(strip: strip, asOf: today)
        nextTitle = f.nextTitle
        nextDue = f.nextDue
        goLive = f.goLive
        arr = f.arr
        stall = f.stall(asOf: today)
        completed = !f.isActive
        escalated = f.escalated
        heldSince = f.heldSince
        holdResume = f.holdResume
        goLiveSlip = f.goLiveBaseline.map { f.goLive - $0 } ?? 0
        goLiveMoves = f.goLiveMoves
        goLiveAchieved = f.goLiveAchievedOn
        contractSigned = f.contractSigned
        court = f.ballInCourt(asOf: today) ?? .ours
        goLiveForecast = f.goLiveForecast(asOf: today)
        version = f.version
        sortName = f.name.lowercased()
    }
}
