import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// The board's list: which accounts the filter, the CSM toggle and the sort leave, in order.
extension AppState {
    /// A typed character only narrows the list: the rows already listed, already in order,
    /// are the only candidates, so no sort is needed. Anything else rebuilds.
    mutating func filterChanged(from old: String) {
        let needle = Folded.fold(filter)
        let parsed = BoardFilter(filter)
        guard let built = builtFilter, built == Folded.fold(old), needle.hasPrefix(built), needle != built,
            parsed.isTextOnly, BoardFilter(old).isTextOnly
        else {
            rebuildVisible()
            return
        }
        var c = BoardCounts()
        var ranks: [Int] = []
        rows.search.withUnsafeBufferPointer { search in
            rows.keys.withUnsafeBufferPointer { keys in
                for i in visibleRanks where parsed.matches(search[i]) {
                    ranks.append(i)
                    c.add(keys[i])
                }
            }
        }
        setVisible(ranks)
        listChanged(counts: c, filter: needle)
    }

    private mutating func setVisible(_ ranks: [Int]) {
        visibleRanks = ranks
        visible = rows.keys.withUnsafeBufferPointer { keys in ranks.map { keys[$0].id } }
    }

    /// After the list was rebuilt or narrowed: its counts, and a selection and window that
    /// still fall on it (the list may have shrunk under a kept selection).
    mutating func listChanged(counts c: BoardCounts, filter needle: String) {
        counts = c
        builtFilter = needle
        if selectedAccount.map({ visible.contains($0) }) != true {
            selectedAccount = visible.first
            boardTop = 0
        }
        clampBoard()
    }

    mutating func rebuildVisible() {
        let needle = Folded.fold(filter)
        let parsed = BoardFilter(filter)
        let csmOK = csmsPassing(parsed)
        let stageOK = rows.stages.map { name in parsed.stages.allSatisfy { name.contains($0) } }
        // "Mine" matches no row when no CSM is this user.
        let me = mine ? (myCSM ?? -1) : nil
        var sortKeys: [UInt64] = []
        sortKeys.reserveCapacity(rows.count)
        // Completed rows apart when the order keeps them last, so reversing leaves them last.
        var completedKeys: [UInt64] = []
        let apart = sort.completedLast && sortReversed
        var c = BoardCounts()
        let order = sort
        rows.search.withUnsafeBufferPointer { search in
            rows.keys.withUnsafeBufferPointer { keys in
                for i in 0..<keys.count
                where (me == nil || keys[i].csm == me) && parsed.passes(keys[i], csmOK: csmOK, stageOK: stageOK)
                    && parsed.matches(search[i])
                {
                    if apart && keys[i].completed {
                        completedKeys.append(order.key(keys[i]))
                    } else {
                        sortKeys.append(order.key(keys[i]))
                    }
                    c.add(keys[i])
                }
            }
        }
        if sortReversed {
            sortKeys.sort(by: >)
            completedKeys.sort(by: >)
            sortKeys += completedKeys
        } else {
            sortKeys.sort()
        }
        setVisible(sortKeys.map { BoardSort.rank(of: $0) })
        listChanged(counts: c, filter: needle)
    }

    /// For each of the board's CSMs, whether every `csm:` of the filter means them.
    func csmsPassing(_ parsed: BoardFilter) -> [Bool] {
        guard !parsed.csms.isEmpty else { return rows.csmNames.map { _ in true } }
        let matcher = rows.csmMatcher
        let meant = parsed.csms.map { Set(matcher.candidates($0)) }
        return rows.csmNames.map { name in meant.allSatisfy { $0.contains(name) } }
    }

    /// The CSMs the filter's `csm:` means, in words for the board's header; nil when the
    /// filter names no CSM.
    var filterCSMs: String? {
        let parsed = BoardFilter(filter)
        guard !parsed.csms.isEmpty else { return nil }
        let passing = csmsPassing(parsed)
        let names = rows.csmNames.indices.filter { passing[$0] }.map { rows.csmNames[$0] }
        return names.isEmpty ? "no CSM" : names.joined(separator: ", ")
    }

    public var selectedIndex: Int? { selectedAccount.flatMap { visible.firstIndex(of: $0) } }
}
