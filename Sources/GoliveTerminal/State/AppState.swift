import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// The whole front end as a value: every key press goes through `update`, which returns
/// the next state and the effects the runtime must perform.
public struct AppState: Sendable {
    public var today: Day

    public var user: String

    public var readOnly: Bool
    /// What a changing key answers when `readOnly`: a past day's portfolio says why.
    public var readOnlyReason = "read-only: nothing was changed"
    /// A team store that does not answer: the header says so until it answers again.
    public var offline = false
    /// New onboardings per CSM per quarter (config.yaml's `capacity:` and `capacity_weights:`).
    public var capacity = Capacity()

    public var width: Int

    public var height: Int

    /// Accounts read whole: those the screens in view need (`wanted`), read by the Session
    /// after each action, plus recently viewed ones up to `keptAccounts`.
    public private(set) var accounts: [Int64: Account] = [:]

    public private(set) var rows = BoardRows()

    // The board's list below is kept by AppState+BoardFilter.swift alone.

    /// Account ids on the board after filter and sort.
    public internal(set) var visible: [Int64] = []

    /// The same rows as their positions in `rows` (what narrowing walks).
    var visibleRanks: [Int] = []

    /// The header's counts over `visible`, kept with it so a frame never walks the list.
    public internal(set) var counts = BoardCounts()

    public var sort: BoardSort = .worstFirst { didSet { rebuildVisible() } }

    /// The sort read from the other end (best first, latest go-live, least ARR, Z to A).
    public var sortReversed = false { didSet { rebuildVisible() } }

    public var filter = "" { didSet { filterChanged(from: oldValue) } }

    public var mine = false { didSet { rebuildVisible() } }

    /// The filter `visible` was last built for, while no row has changed since.
    var builtFilter: String?

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
    public internal(set) var agenda: [AgendaItem] = [] {
        didSet { agendaLines = AgendaLines(agenda) }
    }
    /// While only the agenda's first screen is read: its counts (the list holds its first
    /// items only); nil once the whole agenda is.
    public internal(set) var agendaHead: AgendaHead?
    /// Asked for and nothing of it read yet: the screen says so rather than "nothing due".
    public internal(set) var agendaPending = false
    /// The agenda's lines on screen, laid out whenever it is read.
    public private(set) var agendaLines = AgendaLines()

    public var agendaIndex = 0
    /// The first agenda line in view: moved only as far as keeps the selected item in view,
    /// or by `t` to put today's heading at the top.
    public var agendaTop = 0

    /// Computed from every account when the metrics screen is shown.
    public internal(set) var metrics: MetricsReport?

    public var metricsTop = 0
    /// The period the metrics compare with the one before (`p` cycles).
    public var metricsPeriod = Period.quarter

    /// The changes screen: what changed per account over `changesPeriod`, worst first.
    public internal(set) var changes: [AccountChange] = [] {
        didSet { changesTurned = ChangesTurned(changes) }
    }
    /// How many of `changes` turned red and amber, counted once per list, not per frame.
    public private(set) var changesTurned = ChangesTurned([])
    /// Only the list's first lines are in: the whole of it is being read (the header's
    /// counts wait for it).
    public internal(set) var changesPending = false
    public internal(set) var changesSince: ChangesSince?
    public var changesPeriod = ChangesPeriod.lastReview
    public var changesMine = false
    public var changesIndex = 0

    public var history: [Event] = []

    public var historyTop = 0
    /// The selected line of the touchpoints screen.
    public var touchpointIndex = 0
    /// The timeline's selected bar, its first line in view, the first day in view (nil:
    /// placed for the plan and today) and its scale (nil: whichever fits the plan; kept from
    /// one account to the next).
    public var timelineIndex = 0
    public var timelineTop = 0
    public var timelineStart: Day?
    public var timelineScale: TimelineScale?

    public var helpOpen = false
    /// The account whose reasons are shown in full (`i`), and the first line shown.
    public var whyAccount: Int64?
    public var whyTop = 0

    public var helpFilter = ""

    public var helpTop = 0

    /// A question's hint is kept with the status messages, so `@` shows one cut short whole.
    public var prompt: Prompt? {
        didSet {
            if let problem = prompt?.problem, problem != oldValue?.problem {
                keep(StatusLine(text: problem, isError: true), after: nil)
            }
        }
    }

    public var status: StatusLine? { didSet { keep(status, after: oldValue) } }
    /// The recent status messages, newest last: `@` shows them whole.
    public var messages: [StatusLine] = []
    public var messagesOpen = false
    public var messagesTop = 0

    public var undo: [UndoStep] = []
    /// Steps undone in this session, newest last; a new change empties it.
    public var redo: [UndoStep] = []

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
        case .account(let id), .history(let id), .touchpoints(let id), .timeline(let id): ids.append(id)
        case .stalled:
            let order = stalledOrder
            let i = stalledSelected.flatMap { order.firstIndex(of: $0) } ?? 0
            ids += order[max(0, i - height)..<min(order.count, i + height + 1)]
        case .agenda, .metrics, .changes: break
        }
        if let id = prompt?.account { ids.append(id) }
        if let id = whyAccount { ids.append(id) }
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
            reviews[id, default: ReviewInfo()].nextStep = e.detail
            reviews[id, default: ReviewInfo()].followUp = e.after
            if e.who == user { reviews[id, default: ReviewInfo()].myLastReview = e.id }
        } else if e.who != user {
            reviews[id, default: ReviewInfo()].lastChangeByOthers = e.id
        }
    }

    /// The smallest terminal the screens are designed for.
    public static let minimumWidth = 60

    public static let minimumHeight = 15

    public var tooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// Rows the board's list has on screen (header, column titles, detail bar, footer aside).
    public var boardListHeight: Int { max(1, height - 4) }
}
