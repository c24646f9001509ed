extension AppState {
    /// Where a movement key takes the selection of a list of `n` lines now at `i` (a page is
    /// the screen less its header and footer), within the list; nil for any other key.
    func listIndex(after command: Command, from i: Int, count n: Int) -> Int? {
        let page = height - 4
        let to: Int
        switch command {
        case .moveUp: to = i - 1
        case .moveDown: to = i + 1
        case .top: to = 0
        case .bottom: to = n - 1
        case .pageUp: to = i - page
        case .pageDown: to = i + page
        default: return nil
        }
        return max(0, min(n - 1, to))
    }
}
