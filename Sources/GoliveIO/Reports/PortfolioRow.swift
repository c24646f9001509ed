import CSV
import Foundation
import GoliveDomain
import GoliveStore

public struct PortfolioRow: Codable, Hashable, Sendable {
    public var account: String, csm: String, segment: String, stage: String, rag: String
    public var reasons: [String]
    public var checkpoints: [CheckpointRow]
    public var nextDue: String?
    public var goLive: String
    public var daysToGoLive: Int
    public var arr: Int
    public var stalled: Bool
    public var completed: Bool
    /// The day the current hold began (nil: not on hold).
    public var onHoldSince: String?
    /// The go-live of the first plan, and how many times it moved (nil and 0: never).
    public var goLiveBaseline: String?
    public var goLiveMoves: Int
    /// When the plan, as a schedule, says the go-live will be (PRODUCT.md's forecast).
    public var goLiveForecast: String
    /// Whose move it is (`ours`, `customer`, `approver`) for an active account; nil once
    /// onboarding has completed.
    public var ballInCourt: String?
}

public struct CheckpointRow: Codable, Hashable, Sendable {
    public var name: String, due: String, state: String
    public var achievedOn: String?
    /// When it will be met: the day it was achieved, or its forecast.
    public var forecast: String
}
