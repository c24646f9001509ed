import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// The board's rows in one array in name order, with an index by account id and, beside
/// each row, its sort and count keys and its filter text — the sort and the filter walk
/// these on every key that changes the list. A row's position is its `nameRank`, the
/// last word of every sort order.
public struct BoardRows: Sendable {
    public private(set) var values: [BoardRow] = []
    private(set) var keys: [RowKeys] = []
    /// Name and CSM, folded, joined by a NUL so a filter cannot match across the two.
    private(set) var search: [String] = []
    /// Each CSM once, folded, and as first written.
    private(set) var csms: [String] = []
    private(set) var csmNames: [String] = []
    private var csmIndex: [String: Int] = [:]
    /// Each stage name once, folded.
    private(set) var stages: [String] = []
    private var stageIndex: [String: Int] = [:]
    private var position: [Int64: Int] = [:]

    init() {}

    init(_ rows: [BoardRow]) {
        let sorted = rows.sorted { ($0.sortName, $0.id) < ($1.sortName, $1.id) }
        values.reserveCapacity(sorted.count)
        keys.reserveCapacity(sorted.count)
        search.reserveCapacity(sorted.count)
        position.reserveCapacity(sorted.count)
        for r in sorted { append(r) }
    }

    /// Indices by the name as written: a handful of CSMs and stages recur on every row, and
    /// folding (accents off) is too dear to repeat 10,000 times.
    private var csmByName: [String: Int] = [:]
    private var stageByName: [String: Int] = [:]

    private mutating func csm(_ name: String) -> Int {
        if let i = csmByName[name] { return i }
        let folded = Folded.fold(name)
        let i = csmIndex[folded] ?? csms.count
        if i == csms.count {
            csms.append(folded)
            csmNames.append(name)
            csmIndex[folded] = i
        }
        csmByName[name] = i
        return i
    }

    private mutating func stage(_ name: String) -> Int {
        if let i = stageByName[name] { return i }
        let folded = Folded.fold(name)
        let i = stageIndex[folded] ?? stages.count
        if i == stages.count {
            stages.append(folded)
            stageIndex[folded] = i
        }
        stageByName[name] = i
        return i
    }

    private mutating func append(_ row: BoardRow) {
        var row = row
        row.nameRank = values.count
        position[row.id] = values.count
        let c = csm(row.csm)
        keys.append(RowKeys(row, csm: c, stage: stage(row.stageName)))
        search.append(Folded.fold(row.name) + "\u{0}" + csms[c])
        values.append(row)
    }

    /// The index of a CSM (as the user typed it), if any row has them.
    func csm(named name: String) -> Int? { csmIndex[Folded.fold(name)] }

    public subscript(id: Int64) -> BoardRow? { position[id].map { values[$0] } }
    func version(of id: Int64) -> Int? { position[id].map { values[$0].version } }
    public var count: Int { values.count }
    public var ids: Dictionary<Int64, Int>.Keys { position.keys }

    /// A changed row keeps its place (its name cannot change); a new one goes last.
    mutating func replace(_ row: BoardRow) {
        guard let i = position[row.id] else {
            append(row)
            return
        }
        var row = row
        row.nameRank = i
        let c = csm(row.csm)
        keys[i] = RowKeys(row, csm: c, stage: stage(row.stageName))
        search[i] = Folded.fold(row.name) + "\u{0}" + csms[c]
        values[i] = row
    }

}
