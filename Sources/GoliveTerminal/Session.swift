import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// The front end's state together with the store it saves to. `send` runs the update
/// function and performs the effects it returns, feeding their results back in — the
/// one place where anything is written, so a read-only store refuses every change here,
/// whatever screen asked. Tests drive a Session with keys exactly as the terminal does.
public final class Session {
    public private(set) var state: AppState
    public let store: Store
    /// The clock of saved events (tests pin it).
    public var now: () -> Date = { Date() }
    /// Changes this session saved (each is one transaction and one event).
    public private(set) var savedChanges = 0

    /// `PRAGMA data_version` when last looked at: it moves when another process commits.
    private var dataVersion: Int?

    /// Called before slow work, so the terminal can show the state (its status line says
    /// what is under way) instead of freezing on the previous frame.
    public var willWait: (() -> Void)?
    /// Told of each change once it is committed (the `on-change` hook): must return at once.
    public var onSaved: ((SavedChange) -> Void)?
    /// Changes saved since the log was last copied into the file.
    private var uncheckpointed = 0

    /// When set (the terminal sets it), the slow reads of the lead screens run on another
    /// thread over a connection of their own, and `collect()` takes their results in: keys
    /// are answered meanwhile and Esc leaves at once. Tests leave it off and read in line.
    public var offKeyPath = false
    /// From how many accounts on the Changes screen's first lines are read ahead of the
    /// whole list: below, the whole list is quicker than looking for its start (72 ms
    /// against 182 at 1,000 accounts; 1.2 s against 0.2–0.36 at 10,000).
    var changesFirstLinesFrom = 2_000
    private let mailbox = Mailbox()
    private let readQueue = DispatchQueue(label: "golive.reads")
    private var reader: Store?
    /// The metric facts between visits to the metrics screen.
    let metricFacts = MetricFactsCache()
    /// A change the store was too busy to take at its key press, being tried again.
    var pending: PendingSave?
    /// How long a change is tried again on a busy store before it is refused.
    public var busyRetryFor: TimeInterval = 30
    let writeQueue = DispatchQueue(label: "golive.busy-writes")
    /// The store's file was deleted, moved or replaced while the board ran.
    var storeLost = false
    /// What happened to it and where the saved changes are, for golive to print as it ends.
    public internal(set) var lostStoreNotice: String?

    public init(store: Store, state: AppState) {
        self.store = store
        self.state = state
        // Checkpoints wait for idle moments (`idle()`), never inside a key press.
        try? store.deferCheckpoints()
        dataVersion = try? store.dataVersion()
        for effect in state.reloadLeadScreen() { perform(effect) }
        fetchMissing()
    }

    /// What every screen needs from the store, read at once: the facts of every account
    /// (not their tasks) and the review marks.
    public static func snapshot(_ store: Store, user: String) throws -> Snapshot {
        // The event id first: a change committed while the facts are read is read again
        // at the next refresh, never missed.
        let last = try store.lastEventID()
        return Snapshot(facts: try store.facts(), reviews: try store.reviews(for: user), lastEvent: last)
    }

    /// After other processes' commits: the facts of the accounts their events name, or
    /// everything when an account appeared or the change was a bulk one.
    func refreshSnapshot() throws -> Snapshot {
        let (ids, last) = try store.accountsChanged(after: state.seenEvent)
        guard ids.count <= 500, ids.allSatisfy({ state.rows[$0] != nil }) else {
            return try Session.snapshot(store, user: state.user)
        }
        return Snapshot(
            facts: try store.facts(ids: ids), reviews: try store.reviews(for: state.user), lastEvent: last,
            changedOnly: true)
    }

    /// Looks for other instances' commits (about 20 µs when there are none) and, when there
    /// are, reloads so the screen follows within the polling interval without a key press.
    /// Returns whether anything changed.
    @discardableResult
    public func poll(now: Date = Date()) -> Bool {
        // Once gone, there is nothing more to look for; the moment it goes, the screen says so.
        if storeLost { return false }
        if noticeLostStore() { return true }
        guard let v = try? store.dataVersion() else {
            // Only a team store can stop answering; the header says so until it answers.
            if store.isTeamStore && !state.offline { send(.connection(offline: true)) }
            return false
        }
        if state.offline { send(.connection(offline: false)) }
        defer { dataVersion = v }
        guard let seen = dataVersion, v != seen else { return false }
        guard let snap = try? refreshSnapshot() else { return false }
        send(.refreshed(snap, at: now))
        return true
    }

    /// Nothing pressed for a while: copy the write-ahead log into the file.
    public func idle() {
        guard uncheckpointed > 0 else { return }
        if (try? store.checkpoint()) != nil { uncheckpointed = 0 }
    }

    /// A read that may take a while: the status line says what is under way (unless `what`
    /// is nil: a short read, which must not take the place of the message before it); off
    /// the key path when `offKeyPath`, else in line after a frame that says so.
    func slowRead(_ what: String?, _ job: @escaping @Sendable (Store) throws -> Action) {
        if let what { send(.working(what)) }
        guard offKeyPath else {
            willWait?()
            do { send(try job(store)) } catch { send(.refused("\(error)", fresh: nil)) }
            return
        }
        let (reader, box) = (readerStore(), mailbox)
        box.started()
        readQueue.async {
            do { box.post(try job(reader)) } catch { box.post(.refused("\(error)", fresh: nil)) }
        }
    }

    /// Reads every account's metric facts ahead, once, for a board left alone for a moment:
    /// a lead's first `4` then reads only what changed since (a tenth of a second less at
    /// 10,000 accounts; a second at 100,000). Off the key path on the terminal, on the same
    /// thread as the metrics' own reads, which come after it and find it done.
    public func readAhead() {
        guard !hasReadAhead else { return }
        hasReadAhead = true
        let cache = metricFacts
        guard offKeyPath else {
            _ = try? cache.current(in: store)
            return
        }
        let reader = readerStore()
        readQueue.async { _ = try? cache.current(in: reader) }
    }

    /// The lead screens' own connection, opened at their first read off the key path.
    private func readerStore() -> Store {
        if let reader { return reader }
        let opened = (try? store.openedAgain(.readOnly)) ?? store
        reader = opened
        return opened
    }
    private var hasReadAhead = false

    /// Takes in the results of reads done off the key path; whether there were any.
    @discardableResult
    public func collect() -> Bool {
        let actions = mailbox.take()
        for a in actions { send(a) }
        return collectPendingSave() || !actions.isEmpty
    }

    /// Whether a read or a save off the key path has not come back yet.
    public var isWaitingOffKeyPath: Bool { mailbox.isBusy || pending != nil }

    public func send(_ action: Action) {
        for effect in state.update(action) { perform(effect) }
        fetchMissing()
    }

    /// Reads whole the accounts the screen in view needs and does not have.
    func fetchMissing() {
        let missing = state.missing
        guard !missing.isEmpty, let list = try? store.accounts(ids: missing) else { return }
        _ = state.update(.fetched(list))
    }

    public func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    /// Types text as single-character keys.
    public func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            state.quitting = true
        case .reload:
            do { send(.loaded(try Session.snapshot(store, user: state.user))) } catch {
                send(.refused("\(error)", fresh: nil))
            }
        case .loadHistory(let id):
            do { send(.historyLoaded(id, try store.events(account: id))) } catch {
                send(.refused("\(error)", fresh: nil))
            }
        case .loadAgenda(let mine, let accounts):
            let (today, end) = (state.today, state.agendaEnd)
            let csm = mine ? state.myCSM.map { state.rows.csmNames[$0] } ?? state.user : nil
            // 90,000 items at 10,000 accounts: read off the key path, and after a change only
            // the accounts that changed. Every account's is read first as far as a screen
            // shows and counted, then whole (885,000 items at 100,000 accounts).
            if accounts == nil && !mine && offKeyPath {
                let rows = max(50, state.height)
                slowRead("reading the agenda…") { store in
                    .agendaHead(try store.agendaHead(today: today, through: end, count: rows))
                }
            }
            slowRead(accounts == nil && (mine || !offKeyPath) ? "reading the agenda…" : nil) { store in
                guard let accounts else { return .agendaLoaded(try store.agenda(today: today, through: end, csm: csm)) }
                return .agendaChanged(
                    accounts: accounts, mine: mine,
                    try store.agenda(today: today, through: end, csm: csm, accounts: accounts))
            }
        case .loadChanges(let period, let mine, let accounts):
            let (user, today, shown) = (state.user, state.today, state.changesSince)
            let csm = mine ? state.myCSM.map { state.rows.csmNames[$0] } ?? state.user : nil
            // Rewinding every account changed in a week was seconds at 10,000 accounts: after
            // a change, only the accounts that changed are read again, unless the period's
            // start moved (a review of one's own moves "since my last review").
            @Sendable func since(in store: Store) throws -> ChangesSince {
                switch period {
                case .lastReview:
                    try ChangesSince.lastReview(of: user, in: store)
                        ?? .lastDays(7, today: today, note: " (no review yet)")
                case .days(let n):
                    .lastDays(n, today: today)
                }
            }
            // On the terminal every account's list comes as far as a screen shows first (the
            // accounts that turned worse are found first), then whole: 12 s at 100,000 accounts.
            // The board's rows give the order to look for them in, without reading every
            // account's facts again.
            let firstLines = accounts == nil && !mine && offKeyPath && state.rows.count >= changesFirstLinesFrom
            if firstLines {
                let rows = max(50, state.height)
                let keys = state.rows.values.map { ChangeOrderKey(id: $0.id, rag: $0.rag, arr: $0.arr, name: $0.name) }
                slowRead("reading what changed…") { store in
                    let since = try since(in: store)
                    return .changesHead(
                        since, try Reports.changesHead(in: store, since: since, today: today, count: rows, keys: keys))
                }
            }
            slowRead(accounts == nil && !firstLines ? "reading what changed…" : nil) { store in
                let since = try since(in: store)
                if let accounts, since == shown {
                    let list = try store.changes(
                        since: since.at, then: since.then, today: today, csm: csm, accounts: accounts)
                    return .changesChanged(since, accounts: accounts, mine: mine, list)
                }
                let list = try store.changes(since: since.at, then: since.then, today: today, csm: csm)
                return .changesLoaded(since, Reports.ordered(list))
            }
        case .loadMetrics:
            let (today, capacity, period, cache) = (state.today, state.capacity, state.metricsPeriod, metricFacts)
            slowRead("adding up the metrics…") { store in
                var reports = Reports(
                    metricFacts: try cache.current(in: store), everEscalated: try store.everEscalated(),
                    resolveDays: try store.escalationResolveDays(), today: today)
                reports.capacity = capacity
                reports.period = period
                return .metricsLoaded(reports.metrics())
            }
        case .perform(let change, let id, let expected, let origin):
            if store.readOnly || noticeLostStore() {
                send(.refused(state.readOnlyReason, fresh: nil, origin: origin))
                return
            }
            // Changes are saved in the order they were made: none while one waits.
            if pending != nil {
                send(.refused(Session.stillSaving, fresh: nil))
                return
            }
            do {
                // On the terminal a key press never waits for a busy store: the change is
                // tried again off the key path (`retryWhenFree`).
                let saved = try store.save(
                    change, on: id, who: state.user, today: state.today, now: now(), expected: expected,
                    waitingIfBusy: !offKeyPath || store.isTeamStore)
                committed(saved, origin: origin)
            } catch let e as StoreError where e.isBusy && offKeyPath && !store.isTeamStore {
                retryWhenFree(PendingSave(change, on: id, expected: expected, origin: origin))
            } catch let r as Refusal {
                // A stale view gets the fresh account along with the refusal.
                let fresh = (try? store.account(id)) ?? nil
                let shown = state.accounts[id]?.version
                send(.refused(r.message, fresh: fresh?.version != shown ? fresh : nil, origin: origin))
            } catch {
                send(.refused("\(error)", fresh: nil, origin: origin))
            }
        }
    }

    func committed(_ saved: SavedChange, origin: ChangeOrigin) {
        savedChanges += 1
        uncheckpointed += 1
        onSaved?(saved)
        send(.saved(saved, origin: origin))
    }
}
