import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// What the board's header counts.
public struct BoardCounts: Equatable, Sendable {
    public var accounts = 0
    public var active = 0
    public var stalled = 0
    public var red = 0, amber = 0, green = 0
    /// The most checkpoints any listed account has (the strip's width).
    public var checkpoints = 0

    public var byRAG: [RAG: Int] { [.red: red, .amber: amber, .green: green] }

    mutating func add(_ r: RowKeys) {
        accounts += 1
        guard !r.completed else { return }
        active += 1
        switch r.rag {
        case .red: red += 1
        case .amber: amber += 1
        case .green: green += 1
        }
        if r.stalled { stalled += 1 }
        checkpoints = max(checkpoints, r.checkpoints)
    }
}

/// What sorting, filtering by CSM and counting need of a row, with no reference inside:
/// the board walks 10,000 of these on every key that reorders it.
struct RowKeys: Sendable {
    var id: Int64
    var goLive: Int
    var daysOverSLA: Int
    var arr: Int
    var nameRank: Int
    /// The CSM, as an index into `BoardRows.csms`.
    var csm: Int
    var checkpoints: Int
    var rag: RAG
    var stalled: Bool
    var completed: Bool

    init(_ r: BoardRow, csm: Int) {
        id = r.id
        goLive = r.goLive.ordinal
        daysOverSLA = r.daysInStage - r.slaDays
        arr = r.arr
        nameRank = r.nameRank
        self.csm = csm
        checkpoints = r.strip.count
        rag = r.rag
        stalled = r.stall != nil
        completed = r.completed
    }
}

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
        rag = f.rag(strip: strip)
        nextTitle = f.nextTitle
        nextDue = f.nextDue
        goLive = f.goLive
        arr = f.arr
        stall = f.stall(asOf: today)
        completed = !f.isActive
        version = f.version
        sortName = f.name.lowercased()
    }
}

/// Text as the filter compares it: lower-cased, and composed (NFC) so that a typed "ü"
/// finds a stored "u" + combining diaeresis; compared as UTF-8 bytes.
enum Folded {
    static func fold(_ text: String) -> String {
        let lower = text.lowercased()
        return lower.utf8.allSatisfy({ $0 < 0x80 }) ? lower : lower.precomposedStringWithCanonicalMapping
    }

    /// Whether `needle` (folded, as bytes) occurs in `haystack` (folded).
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        func search(_ hb: UnsafeBufferPointer<UInt8>) -> Bool {
            needle.withUnsafeBufferPointer { nb in
                guard nb.count <= hb.count else { return false }
                let first = nb[0]
                outer: for i in 0...(hb.count - nb.count) where hb[i] == first {
                    for j in 1..<nb.count where hb[i + j] != nb[j] { continue outer }
                    return true
                }
                return false
            }
        }
        return haystack.utf8.withContiguousStorageIfAvailable(search)
            ?? Array(haystack.utf8).withUnsafeBufferPointer(search)
    }
}

/// The board's rows in one array in name order, with an index by account id and, beside
/// each row, its sort and count keys and its filter text — the sort and the filter walk
/// these on every key that changes the list. A row's position is its `nameRank`, the
/// last word of every sort order.
public struct BoardRows: Sendable {
    public private(set) var values: [BoardRow] = []
    private(set) var keys: [RowKeys] = []
    /// Name and CSM, folded, joined by a NUL so a filter cannot match across the two.
    private(set) var search: [String] = []
    /// Each CSM once, folded.
    private(set) var csms: [String] = []
    private var csmIndex: [String: Int] = [:]
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

    private mutating func csm(_ name: String) -> Int {
        let folded = Folded.fold(name)
        if let i = csmIndex[folded] { return i }
        csms.append(folded)
        csmIndex[folded] = csms.count - 1
        return csms.count - 1
    }

    private mutating func append(_ row: BoardRow) {
        var row = row
        row.nameRank = values.count
        position[row.id] = values.count
        let c = csm(row.csm)
        keys.append(RowKeys(row, csm: c))
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
        keys[i] = RowKeys(row, csm: c)
        search[i] = Folded.fold(row.name) + "\u{0}" + csms[c]
        values[i] = row
    }

}

public enum BoardSort: Int, CaseIterable, Sendable {
    case worstFirst, goLive, daysInStage, arr, name

    public var title: String {
        switch self {
        case .worstFirst: "worst first"
        case .goLive: "go-live"
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

    /// A row's place in this order as one integer — sorting 10,000 integers is far cheaper
    /// than comparing rows. Worst first: open onboardings before completed ones, then red,
    /// amber, green, stalled first within a colour, then the nearest go-live; the others by
    /// their column (most ARR, most days over SLA first); ties by name.
    func key(_ r: RowKeys) -> UInt64 {
        let mid = BoardSort.valueLimit / 2
        func clamp(_ v: Int) -> UInt64 { UInt64(max(0, min(BoardSort.valueLimit - 1, v))) }
        let value: UInt64
        switch self {
        case .worstFirst:
            value =
                UInt64(r.completed ? 1 : 0) << 38 | UInt64(2 - rank(r.rag)) << 36 | UInt64(r.stalled ? 0 : 1) << 35
                | UInt64(max(0, min((1 << 35) - 1, r.goLive + (1 << 30))))
        case .goLive: value = clamp(r.goLive + mid)
        case .daysInStage: value = clamp(mid - r.daysOverSLA)
        case .arr: value = clamp(BoardSort.valueLimit - 1 - r.arr)
        case .name: value = 0
        }
        return value << BoardSort.rankBits | UInt64(r.nameRank)
    }

    /// The name rank a key ends with.
    static func rank(of key: UInt64) -> Int { Int(key & ((1 << rankBits) - 1)) }
}

public enum Screen: Equatable, Sendable {
    case board, stalled, agenda, metrics
    case account(Int64)
    case history(Int64)

    var scope: Scope {
        switch self {
        case .board: .board
        case .stalled: .stalled
        case .agenda: .agenda
        case .metrics: .metrics
        case .account: .account
        case .history: .history
        }
    }
}

/// What is read from the store at once (start, reload, live refresh): every account's
/// facts, not its tasks.
public struct Snapshot: Sendable {
    public var facts: [AccountFacts]
    public var reviews: [Int64: ReviewInfo]
    /// The newest event when this was read: later events name what changed since.
    public var lastEvent: Int64
    /// Only the accounts changed since the last snapshot (a live refresh), not every one.
    public var changedOnly: Bool
    public init(
        facts: [AccountFacts], reviews: [Int64: ReviewInfo] = [:], lastEvent: Int64 = 0, changedOnly: Bool = false
    ) {
        self.facts = facts
        self.reviews = reviews
        self.lastEvent = lastEvent
        self.changedOnly = changedOnly
    }
}

/// A question on the bottom line. Esc cancels it, Enter answers it.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case filter
        case blockReason(task: Int64)
        case rejectReason(task: Int64)
        case newTaskTitle(lane: Lane)
        case newTaskOwner(lane: Lane, title: String)
        case newTaskDue(lane: Lane, title: String, owner: String)
        case editTitle(task: Int64)
        case due(task: Int64)
        case owner(task: Int64)
        case note
        case customerConfirmation(checkpoint: Int64)
        case overrideReason
        case escalationReason
        case csm

        /// Date prompts take + and - to move a day.
        public var asksForADate: Bool {
            switch self {
            case .due, .newTaskDue: true
            default: false
            }
        }
    }
    public var purpose: Purpose
    public var label: String
    public var text: String
    /// The account the answer is about (the stalled review acts on its selected row).
    public var account: Int64?
    /// The row being edited as it was when the question was asked: an answer given after
    /// someone else changed that row is refused, even if the screen refreshed meanwhile.
    public var expected: RowVersion?

    public init(purpose: Purpose, label: String, text: String, account: Int64? = nil, expected: RowVersion? = nil) {
        self.purpose = purpose
        self.label = label
        self.text = text
        self.account = account
        self.expected = expected
    }

    /// The row a question is about, at its version in `a`.
    static func expectation(_ purpose: Purpose, in a: Account) -> RowVersion? {
        switch purpose {
        case .blockReason(let t), .rejectReason(let t), .editTitle(let t), .due(let t), .owner(let t):
            return a.task(t).map { .task(t, $0.version) }
        case .customerConfirmation(let c):
            return a.checkpoint(c).map { .checkpoint(c, $0.version) }
        case .overrideReason, .escalationReason, .csm:
            return .account(a.version)
        case .filter, .newTaskTitle, .newTaskOwner, .newTaskDue, .note:
            return nil
        }
    }
}

public struct StatusLine: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// What the account screen remembers: the focused lane, the selection in each lane, the
/// selected checkpoint.
public struct AccountFocus: Equatable, Sendable {
    public var accountID: Int64
    public var lane: Lane = .internal
    public var selected: [Lane: Int64] = [:]
    public var checkpoint: Int64?
}

/// One step `u` can take back.
public struct UndoStep: Equatable, Sendable {
    public var snapshot: Account
    public var event: Event
}

/// The whole front end as a value: every key press goes through `update`, which returns
/// the next state and the effects the runtime must perform.
public struct AppState: Sendable {
    public var today: Day
    public var user: String
    public var readOnly: Bool
    public var width: Int
    public var height: Int

    /// Accounts read whole: those the screens in view need (`wanted`), read by the Session
    /// after each action, plus recently viewed ones up to `keptAccounts`.
    public private(set) var accounts: [Int64: Account] = [:]
    public private(set) var rows = BoardRows()
    /// Account ids on the board after filter and sort.
    public private(set) var visible: [Int64] = []
    /// The same rows as their positions in `rows` (what narrowing walks).
    private var visibleRanks: [Int] = []
    /// The header's counts over `visible`, kept with it so a frame never walks the list.
    public private(set) var counts = BoardCounts()

    public var sort: BoardSort = .worstFirst { didSet { rebuildVisible() } }
    public var filter = "" { didSet { filterChanged(from: oldValue) } }
    public var mine = false { didSet { rebuildVisible() } }
    /// The filter `visible` was last built for, while no row has changed since.
    private var builtFilter: String?
    public var selectedAccount: Int64?
    public var boardTop = 0

    public var screen: Screen = .board
    /// Where `q` on the account screen goes back to.
    public var accountReturn: Screen = .board
    public var focus: AccountFocus?
    public private(set) var reviews: [Int64: ReviewInfo] = [:]
    /// The newest event the rows reflect.
    public private(set) var seenEvent: Int64 = 0
    /// Accounts another instance changed, marked until the given moment.
    public var flash: [Int64: Date] = [:]
    public var now = Date()
    public var stalledSelected: Int64?
    public var agendaMine = false
    /// Read from the store when the agenda is shown (and again when the store changes).
    public internal(set) var agenda: [AgendaItem] = []
    public var agendaIndex = 0
    /// Computed from every account when the metrics screen is shown.
    public internal(set) var metrics: MetricsReport?
    public var metricsTop = 0
    public var history: [Event] = []
    public var historyTop = 0
    public var helpOpen = false
    public var helpFilter = ""
    public var helpTop = 0
    public var prompt: Prompt?
    public var status: StatusLine?
    public var undo: [UndoStep] = []
    public var quitting = false
    public var keys: KeyTable

    public init(
        _ snapshot: Snapshot, today: Day, user: String, readOnly: Bool = false, width: Int = 120, height: Int = 40,
        keys: KeyTable = .defaults, screen: Screen = .board
    ) {
        self.today = today
        self.user = user
        self.readOnly = readOnly
        self.width = width
        self.height = height
        self.keys = keys
        self.screen = screen
        load(snapshot)
    }

    /// Replaces everything (start, reload, live refresh), keeping each selection on the
    /// same account or task.
    public mutating func load(_ snapshot: Snapshot) {
        seenEvent = snapshot.lastEvent
        reviews = snapshot.reviews
        if snapshot.changedOnly {
            for f in snapshot.facts {
                rows.replace(BoardRow(f, asOf: today))
                if accounts[f.id]?.version != f.version { accounts[f.id] = nil }
            }
            rebuildVisible()
            return
        }
        let fresh = BoardRows(snapshot.facts.map { BoardRow($0, asOf: today) })
        // A whole account read earlier stays only while it is at the version just read.
        accounts = accounts.filter { fresh[$0.key]?.version == $0.value.version }
        rows = fresh
        rebuildVisible()
    }

    /// One account changed: only its row is recomputed.
    public mutating func replace(_ a: Account) {
        accounts[a.id] = a
        rows.replace(BoardRow(a.facts, asOf: today))
        rebuildVisible()
    }

    /// How many whole accounts are kept once no screen needs them.
    static let keptAccounts = 256

    /// Accounts read whole; beyond `keptAccounts`, those no screen needs are let go.
    mutating func fetched(_ list: [Account]) {
        for a in list where rows[a.id] != nil { accounts[a.id] = a }
        guard accounts.count > AppState.keptAccounts else { return }
        let keep = Set(wanted)
        accounts = accounts.filter { keep.contains($0.key) }
    }

    /// The accounts the screen in view needs whole: the selected one (its reasons), the
    /// open one, the stalled review's rows within a page of the selection, the account
    /// a prompt or `u` would act on.
    public var wanted: [Int64] {
        var ids: [Int64] = []
        switch screen {
        case .board: if let id = selectedAccount { ids.append(id) }
        case .account(let id), .history(let id): ids.append(id)
        case .stalled:
            let order = stalledOrder
            let i = stalledSelected.flatMap { order.firstIndex(of: $0) } ?? 0
            ids += order[max(0, i - height)..<min(order.count, i + height + 1)]
        case .agenda, .metrics: break
        }
        if let id = prompt?.account { ids.append(id) }
        if let id = undo.last?.snapshot.id { ids.append(id) }
        return ids
    }

    /// Those of `wanted` not read yet.
    public var missing: [Int64] {
        var seen = Set<Int64>()
        return wanted.filter { accounts[$0] == nil && rows[$0] != nil && seen.insert($0).inserted }
    }

    mutating func noteReview(_ e: Event) {
        guard let id = e.accountID else { return }
        if e.kind == "account.reviewed" {
            reviews[id, default: ReviewInfo()].lastReviewBy = e.who
            reviews[id, default: ReviewInfo()].lastReviewAt = e.at
            if e.who == user { reviews[id, default: ReviewInfo()].myLastReview = e.id }
        } else if e.who != user {
            reviews[id, default: ReviewInfo()].lastChangeByOthers = e.id
        }
    }

    /// Stalled accounts grouped by CSM, the groups and the accounts in them by ARR at stake.
    public func stalledGroups() -> [(csm: String, rows: [BoardRow])] {
        let stalled = rows.values.filter { $0.stall != nil && !$0.completed }
        return Dictionary(grouping: stalled, by: \.csm)
            .map { (csm: $0.key, rows: $0.value.sorted { ($0.arr, $1.name) > ($1.arr, $0.name) }) }
            .sorted { ($0.rows.reduce(0) { $0 + $1.arr }, $1.csm) > ($1.rows.reduce(0) { $0 + $1.arr }, $0.csm) }
    }

    /// The stalled accounts in screen order.
    public var stalledOrder: [Int64] { stalledGroups().flatMap { $0.rows.map(\.id) } }

    /// The agenda runs from everything overdue to six days ahead.
    public var agendaEnd: Day { today + 6 }

    /// A typed character only narrows the list: the rows already listed, already in order,
    /// are the only candidates, so no sort is needed. Anything else rebuilds.
    mutating func filterChanged(from old: String) {
        let needle = Folded.fold(filter)
        guard let built = builtFilter, built == Folded.fold(old), needle.hasPrefix(built), needle != built else {
            rebuildVisible()
            return
        }
        let bytes = Array(needle.utf8)
        var c = BoardCounts()
        var ranks: [Int] = []
        rows.search.withUnsafeBufferPointer { search in
            rows.keys.withUnsafeBufferPointer { keys in
                for i in visibleRanks where Folded.contains(search[i], bytes) {
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
        let bytes = Array(needle.utf8)
        // "Mine" matches no row when no account has this user as CSM.
        let me = mine ? (rows.csm(named: user) ?? -1) : nil
        var sortKeys: [UInt64] = []
        sortKeys.reserveCapacity(rows.count)
        var c = BoardCounts()
        let order = sort
        rows.search.withUnsafeBufferPointer { search in
            rows.keys.withUnsafeBufferPointer { keys in
                for i in 0..<keys.count where (me == nil || keys[i].csm == me) && Folded.contains(search[i], bytes) {
                    sortKeys.append(order.key(keys[i]))
                    c.add(keys[i])
                }
            }
        }
        sortKeys.sort()
        setVisible(sortKeys.map { BoardSort.rank(of: $0) })
        listChanged(counts: c, filter: needle)
    }

    public var selectedIndex: Int? { selectedAccount.flatMap { visible.firstIndex(of: $0) } }

    public var currentAccount: Account? {
        guard case .account(let id) = screen else { return nil }
        return accounts[id]
    }

    /// The tasks of a lane in the order the account screen lists them.
    public func tasks(of a: Account, in lane: Lane) -> [OnboardingTask] {
        a.tasks.filter { $0.lane == lane }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
    }

    public func selectedTask(in a: Account) -> OnboardingTask? {
        guard let f = focus else { return nil }
        let list = tasks(of: a, in: f.lane)
        if let id = f.selected[f.lane], let t = list.first(where: { $0.id == id }) { return t }
        // Until the user moves, a lane's selection is its first unfinished task: the work.
        return list.first(where: \.isOpen) ?? list.first
    }

    public func selectedCheckpoint(in a: Account) -> Checkpoint? {
        let ordered = a.checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        if let id = focus?.checkpoint, let c = ordered.first(where: { $0.id == id }) { return c }
        return ordered.first { !$0.isAchieved } ?? ordered.last
    }

    /// The smallest terminal the screens are designed for.
    public static let minimumWidth = 60
    public static let minimumHeight = 15
    public var tooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// Rows the board's list has on screen (header, column titles, detail bar, footer aside).
    public var boardListHeight: Int { max(1, height - 4) }
}
