import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

extension AppState {
    /// Stalled accounts grouped by CSM, the groups and the accounts in them by ARR at stake.
    public func stalledGroups() -> [(csm: String, rows: [BoardRow])] {
        let stalled = rows.values.filter { $0.stall != nil && !$0.completed }
        return Dictionary(grouping: stalled, by: \.csm)
            .map { (csm: $0.key, rows: $0.value.sorted { ($0.arr, $1.name) > ($1.arr, $0.name) }) }
            .sorted { ($0.rows.map(\.arr).saturatingSum(), $1.csm) > ($1.rows.map(\.arr).saturatingSum(), $0.csm) }
    }

    /// The stalled accounts in screen order.
    public var stalledOrder: [Int64] { stalledGroups().flatMap { $0.rows.map(\.id) } }

    /// The agenda runs from everything overdue to six days ahead.
    public var agendaEnd: Day { today + 6 }
}
