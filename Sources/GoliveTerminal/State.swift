import GoliveDomain

/// One account as the board shows it, computed once per change rather than per frame.
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
    public var reasons: [String]
    public var nextTitle: String?
    public var nextDue: Day?
    public var goLive: Day
    public var arr: Int
    public var stall: Stall?
    public var completed: Bool

    public init(_ a: Account, asOf today: Day) {
        let st = a.status(asOf: today)
        id = a.id; name = a.name; csm = a.csm; segment = a.segment
        stageName = a.isActive ? a.stage.name : "Completed"
        daysInStage = a.daysInStage(asOf: today); slaDays = a.stage.slaDays
        strip = st.checkpoints.map(\.state); rag = st.rag; reasons = st.reasons.map(\.text)
        let next = a.nextDue()
        nextTitle = next?.title; nextDue = next?.due
        goLive = a.goLive; arr = a.arr; stall = a.stall(asOf: today); completed = !a.isActive
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

    /// Whether `a` comes before `b`; ties fall back to the name so the order is stable.
    func before(_ a: BoardRow, _ b: BoardRow) -> Bool {
        func byName() -> Bool { (a.name.lowercased(), a.id) < (b.name.lowercased(), b.id) }
        switch self {
        case .worstFirst:
            // Open onboardings before completed ones; then red, amber, green; stalled first
            // within a colour; then the nearest go-live.
            let ka = (a.completed ? 1 : 0, -rank(a.rag), a.stall == nil ? 1 : 0, a.goLive.ordinal)
            let kb = (b.completed ? 1 : 0, -rank(b.rag), b.stall == nil ? 1 : 0, b.goLive.ordinal)
            return ka != kb ? ka < kb : byName()
        case .goLive: return a.goLive != b.goLive ? a.goLive < b.goLive : byName()
        case .daysInStage:
            let (oa, ob) = (a.daysInStage - a.slaDays, b.daysInStage - b.slaDays)
            return oa != ob ? oa > ob : byName()
        case .arr: return a.arr != b.arr ? a.arr > b.arr : byName()
        case .name: return byName()
        }
    }

    private func rank(_ r: RAG) -> Int { r == .red ? 2 : r == .amber ? 1 : 0 }
}

public enum Screen: Equatable, Sendable {
    case board
    case account(Int64)
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
}

public struct StatusLine: Equatable, Sendable {
    public var text: String
    public var isError: Bool
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

    public private(set) var accounts: [Int64: Account] = [:]
    public private(set) var rows: [Int64: BoardRow] = [:]
    /// Account ids on the board after filter and sort.
    public private(set) var visible: [Int64] = []

    public var sort: BoardSort = .worstFirst { didSet { rebuildVisible() } }
    public var filter = "" { didSet { rebuildVisible() } }
    public var mine = false { didSet { rebuildVisible() } }
    public var selectedAccount: Int64?
    public var boardTop = 0

    public var screen: Screen = .board
    public var focus: AccountFocus?
    public var helpOpen = false
    public var helpFilter = ""
    public var helpTop = 0
    public var prompt: Prompt?
    public var status: StatusLine?
    public var undo: [UndoStep] = []
    public var quitting = false
    public var keys: KeyTable

    public init(accounts: [Account], today: Day, user: String, readOnly: Bool = false, width: Int = 120, height: Int = 40,
                keys: KeyTable = .defaults) {
        self.today = today; self.user = user; self.readOnly = readOnly; self.width = width; self.height = height
        self.keys = keys
        load(accounts)
    }

    /// Replaces every account (start, reload), keeping the selection on the same account.
    public mutating func load(_ list: [Account]) {
        accounts = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        rows = accounts.mapValues { BoardRow($0, asOf: today) }
        rebuildVisible()
    }

    /// One account changed: only its row is recomputed.
    public mutating func replace(_ a: Account) {
        accounts[a.id] = a
        rows[a.id] = BoardRow(a, asOf: today)
        rebuildVisible()
    }

    mutating func rebuildVisible() {
        let needle = filter.lowercased()
        let me = user.lowercased()
        visible = rows.values.filter { r in
            (!mine || r.csm.lowercased() == me)
                && (needle.isEmpty || r.name.lowercased().contains(needle) || r.csm.lowercased().contains(needle))
        }.sorted(by: sort.before).map(\.id)
        if let s = selectedAccount, visible.contains(s) { return }
        selectedAccount = visible.first
        boardTop = 0
    }

    public var selectedIndex: Int? { selectedAccount.flatMap { visible.firstIndex(of: $0) } }

    public var currentAccount: Account? {
        guard case let .account(id) = screen else { return nil }
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
