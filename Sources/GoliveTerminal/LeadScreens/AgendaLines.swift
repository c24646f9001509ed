import GoliveDomain

/// The agenda's lines as its screen lays them out — a heading before each day's items —
/// worked out once when the agenda is read, so that a key on an agenda of 30,000 items
/// makes only the lines on screen.
public struct AgendaLines: Hashable, Sendable {
    public enum Line: Hashable, Sendable {
        case day(Day)
        /// The agenda's item at this index.
        case item(Int)
    }

    public private(set) var lines: [Line] = []
    /// The line of each item, by the item's index.
    public private(set) var lineOfItem: [Int] = []

    public init() {}

    /// `items` in the agenda's order (by day first).
    public init(_ items: [AgendaItem]) {
        lines.reserveCapacity(items.count + items.count / 8)
        lineOfItem.reserveCapacity(items.count)
        var last: Day?
        for (i, item) in items.enumerated() {
            if item.day != last {
                last = item.day
                lines.append(.day(item.day))
            }
            lineOfItem.append(lines.count)
            lines.append(.item(i))
        }
    }

    /// How many of `items` (by day first) fall before `day`: found by halving, not counted.
    public static func count(_ items: [AgendaItem], before day: Day) -> Int {
        var low = 0
        var high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].day < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
