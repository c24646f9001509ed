extension AppState {
    /// Where the stalled review's selection stands in its list, while the review is in view
    /// (nil otherwise: working the list out costs a sort of every stalled account).
    var stalledPlace: Int? {
        guard screen == .stalled else { return nil }
        return stalledSelected.flatMap { stalledOrder.firstIndex(of: $0) }
    }

    /// The selection stays on a row in view: when its account leaves the list (put on hold,
    /// no longer stalled, changed in another pane), the row now in its place is selected, so
    /// the next `v` or `V` acts on the account the screen highlights, never on a hidden one.
    mutating func keepStalledSelection(at place: Int?) {
        guard let place else { return }
        let order = stalledOrder
        if stalledSelected.map({ order.contains($0) }) == true { return }
        stalledSelected = order.isEmpty ? nil : order[min(place, order.count - 1)]
    }
}
