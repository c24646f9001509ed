import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

public enum BoardSort: Int, CaseIterable, Sendable {
    case worstFirst, goLive, slip, daysInStage, arr, name

    public var title: String {
        switch self {
        case .worstFirst: "worst first"
        case .goLive: "go-live"
        case .slip: "go-live slip"
        case .daysInStage: "days in stage"
        case .arr: "ARR"
        case .name: "name"
        }
    }

    private func rank(_ r: RAG) -> Int { r == .red ? 2 : r == .amber ? 1 : 0 }

    /// Bits of a sort key below the order's own value: the row's name rank (16 million
    /// accounts), which breaks every tie, so every order is stable.
    static let rankBits: UInt64 = 24
    /// The order's own value is clamped into the bits left (40).
    static let valueLimit: Int = 1 << 40

    /// Whether completed onboardings come after every open one, reversed or not: in the
    /// orders by state and by date a finished account is not what the user looks for.
    var completedLast: Bool { self == .worstFirst || self == .goLive || self == .slip }

    /// A row's place in this order as one integer — sorting 10,000 integers is far cheaper
    /// than comparing rows. Worst first: open onboardings before completed ones, then red,
    /// amber, green, stalled first within a colour, then the nearest go-live; go-live: open
    /// onboardings first, then the nearest go-live; the others by their column (most ARR,
    /// most days over SLA first; the go-live forecast furthest after its target first, then
    /// the nearest go-live); ties by name.
    func key(_ r: RowKeys) -> UInt64 {
        let mid = BoardSort.valueLimit / 2
        func clamp(_ v: Int) -> UInt64 { UInt64(max(0, min(BoardSort.valueLimit - 1, v))) }
        let value: UInt64
        switch self {
        case .worstFirst:
            value =
                UInt64(r.completed ? 1 : 0) << 38 | UInt64(2 - rank(r.rag)) << 36 | UInt64(r.stalled ? 0 : 1) << 35
                | UInt64(max(0, min((1 << 35) - 1, r.goLive + (1 << 30))))
        case .goLive:
            // A completed onboarding's go-live is past: without the first bit it led the list.
            // A live one is ordered by the day it went live, the day its row shows.
            let day = UInt64(max(0, min((1 << 39) - 1, r.goLiveShown + (1 << 38))))
            value = UInt64(r.completed ? 1 : 0) << 39 | day
        case .slip:
            // Completed onboardings last, then the slip (19 bits, live ones after every one
            // still to go live), then the go-live day (20 bits).
            value =
                UInt64(r.completed ? 1 : 0) << 39 | UInt64(max(0, min((1 << 19) - 1, (1 << 18) - r.goLiveSlip)))
                << 20
                | UInt64(max(0, min((1 << 20) - 1, r.goLive)))
        case .daysInStage: value = clamp(mid - r.daysOverSLA)
        case .arr: value = clamp(BoardSort.valueLimit - 1 - r.arr)
        case .name: value = 0
        }
        return value << BoardSort.rankBits | UInt64(r.nameRank)
    }

    /// The name rank a key ends with.
    static func rank(of key: UInt64) -> Int { Int(key & ((1 << rankBits) - 1)) }
}
