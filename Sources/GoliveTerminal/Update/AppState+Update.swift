import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
    /// How long a row another instance changed stays marked.
    public static let flashSeconds: TimeInterval = 3

    /// How many of the user's own changes `u` can take back, newest first.
    public static let undoDepth = 200
}

extension AppState {
    /// The update function: the next state and the effects to perform.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .resize(let w, let h):
            width = w
            height = h
            clampBoard()
            return []
        case .loaded(let snapshot):
            let place = stalledPlace
            load(snapshot)
            keepStalledSelection(at: place)
            leaveVanishedAccount()
            status = StatusLine(text: "reloaded \(plural(snapshot.facts.count, "account"))", isError: false)
            return reloadLeadScreen()
        case .connection(let offline):
            self.offline = offline
            status = StatusLine(
                text: offline
                    ? "offline: the store does not answer — reconnecting; changes are refused until it does"
                    : "the store answers again", isError: offline)
            return []
        case .storeLost(let why):
            readOnly = true
            readOnlyReason = "nothing was changed — \(why)"
            status = StatusLine(text: why, isError: true)
            return []
        case .refreshed(let snapshot, let at):
            // Versions before, of the rows that may change (not a copy of every row).
            let ids = snapshot.changedOnly ? snapshot.facts.map(\.id) : nil
            let before = Dictionary(
                (ids ?? Array(rows.ids)).map { ($0, rows.version(of: $0)) }, uniquingKeysWith: { a, _ in a })
            let place = stalledPlace
            load(snapshot)
            keepStalledSelection(at: place)
            leaveVanishedAccount()
            now = at
            for id in ids ?? Array(rows.ids) where (before[id] ?? nil) != rows.version(of: id) {
                flash[id] = at.addingTimeInterval(AppState.flashSeconds)
            }
            return reloadLeadScreen(changed: ids)
        case .fetched(let list):
            fetched(list)
            return []
        case .agendaLoaded(let items):
            doneWorking()
            agenda = items
            agendaHead = nil
            agendaPending = false
            agendaIndex = max(0, min(agendaIndex, agenda.count - 1))
            return []
        case .agendaHead(let head):
            // Read for every account, and `m` pressed since: the full read asked for then follows.
            guard !agendaMine else { return [] }
            // The status line keeps saying the agenda is being read: the rest follows.
            agenda = head.items
            agendaHead = head
            agendaPending = false
            agendaIndex = max(0, min(agendaIndex, agenda.count - 1))
            return []
        case .agendaChanged(let ids, let mine, let items):
            doneWorking()
            // Read for the other agenda (`m` pressed since): the full read asked for then follows.
            // Only the first screen read so far: the whole agenda, read next, is merged into.
            guard mine == agendaMine, agendaHead == nil else { return [] }
            // The other accounts' items stay as read (an account gone since goes with them).
            let changed = Set(ids)
            let kept = agenda.filter { !changed.contains($0.accountID) && rows[$0.accountID] != nil }
            agenda = AgendaItem.merged(kept, AgendaItem.ordered(items))
            agendaIndex = max(0, min(agendaIndex, agenda.count - 1))
            return []
        case .changesLoaded(let since, let list):
            doneWorking()
            let selected = changesPending && changesIndex < changes.count ? changes[changesIndex].id : nil
            changesSince = since
            changes = list
            changesPending = false
            // Moved along the first lines meanwhile: the same account stays selected.
            changesIndex = selected.flatMap { id in list.firstIndex { $0.id == id } } ?? changesIndex
            changesIndex = max(0, min(changesIndex, list.count - 1))
            return []
        case .changesHead(let since, let list):
            // Read for every account, and `m` pressed since: the full read asked for then follows.
            guard !changesMine else { return [] }
            // The status line keeps saying what is being read: the rest follows.
            changesSince = since
            changes = list
            changesPending = true
            changesIndex = max(0, min(changesIndex, list.count - 1))
            return []
        case .changesChanged(let since, let ids, let mine, let list):
            // Only the first lines read so far: the whole list, read next, is merged into.
            guard !changesPending else { return [] }
            mergeChanges(list, of: ids, since: since, mine: mine)
            return []
        case .metricsLoaded(let report):
            metrics = report
            clampMetrics()
            doneWorking()
            return []
        case .working(let what):
            status = StatusLine(text: what, isError: false)
            return []
        case .tick(let at):
            now = at
            flash = flash.filter { $0.value > at }
            return []
        case .historyLoaded(let id, let events):
            if screen == .history(id) {
                // Newest first by when it happened (an import may add older events later).
                history = events.sorted { ($0.at, $0.id) > ($1.at, $1.id) }
                historyTop = 0
            }
            return []
        case .saved(let saved, let origin):
            let place = stalledPlace
            let touchpointsBefore = Set(accounts[saved.after.id]?.touchpoints.map(\.id) ?? [])
            replace(saved.after)
            keepStalledSelection(at: place)
            noteReview(saved.event)
            // The account named first, so a change is never read as another account's.
            let named = saved.after.name + " · "
            let words = saved.event.words(in: saved.after)
            switch origin {
            case .new:
                undo.append(UndoStep(saved))
                if undo.count > AppState.undoDepth { undo.removeFirst() }
                redo = []
                let warning = saved.event.kind == "account.csm" ? saved.event.after.flatMap(capacityWarning) : nil
                status = StatusLine(
                    text: named + "saved: " + words + (warning.map { " · \($0)" } ?? ""), isError: false)
            case .undo:
                undo.removeLast()
                redo.append(UndoStep(saved))
                status = StatusLine(text: named + words, isError: false)
            case .redo:
                redo.removeLast()
                undo.append(UndoStep(saved))
                status = StatusLine(text: named + words, isError: false)
            }
            // The task a change was made to (one just added, too) is the one selected, in its
            // lane: a task marked done stays selected rather than handing the selection, and
            // the next x, to the lane's next open task.
            if origin == .new, let id = saved.event.taskID,
                let t = saved.after.task(id), var f = focus, f.accountID == saved.after.id
            {
                f.lane = t.lane
                f.selected[t.lane] = id
                focus = f
            }
            // A touchpoint just added is the one selected, so the next key acts on it.
            if origin == .new, saved.event.kind == "touchpoint.added", screen == .touchpoints(saved.after.id),
                let k = saved.after.touchpoints.firstIndex(where: { !touchpointsBefore.contains($0.id) })
            {
                touchpointIndex = k
            }
            clampBoard()
            return reloadLeadScreen(changed: [saved.after.id])
        case .refused(let message, let fresh, let origin):
            if let fresh { replace(fresh) }
            // A read that failed is not under way any more: the status line says why.
            agendaPending = false
            changesPending = false
            var text = message
            // A step that cannot be taken never can be: it leaves the stack, so the one
            // before it is next.
            switch origin {
            case .new: break
            case .undo:
                undo.removeLast()
                if !undo.isEmpty { text += "; u takes back the change before it" }
            case .redo:
                redo.removeLast()
            }
            status = StatusLine(text: text, isError: true)
            return []
        case .key(let key):
            // Ctrl-C in a question cancels the question, as in a shell; elsewhere it quits.
            if key == .ctrl("c") && prompt == nil {
                quitting = true
                return [.quit]
            }
            if prompt != nil { return promptKey(key) }
            if helpOpen {
                helpKey(key)
                return []
            }
            if whyAccount != nil {
                whyKey(key)
                return []
            }
            if messagesOpen {
                messagesKey(key)
                return []
            }
            if tooSmall {
                if keys.command(for: key, in: .board) == .back {
                    quitting = true
                    return [.quit]
                }
                return []
            }
            status = nil
            guard let command = keys.command(for: key, in: screen.scope) else { return [] }
            return run(command)
        }
    }

    /// A slow read came back: the line that said it was under way goes, not a later message.
    mutating func doneWorking() {
        if status?.isError == false && status?.text.hasSuffix("…") == true { status = nil }
    }

    /// The agenda, metrics and changes are read from the store, so they follow it when it
    /// changes; the agenda reads again only the accounts `changed` names, when it does.
    func reloadLeadScreen(changed: [Int64]? = nil) -> [Effect] {
        switch screen {
        case .agenda: [.loadAgenda(mine: agendaMine, accounts: changed)]
        case .metrics: [.loadMetrics]
        case .changes: [.loadChanges(changesPeriod, mine: changesMine, accounts: changed)]
        default: []
        }
    }

    mutating func leaveVanishedAccount() {
        switch screen {
        case .account(let id), .history(let id), .touchpoints(let id), .timeline(let id):
            if rows[id] == nil {
                screen = .board
                focus = nil
            }
        default: break
        }
    }

    mutating func run(_ command: Command) -> [Effect] {
        if readOnly && command.changesData {
            status = StatusLine(text: readOnlyReason, isError: true)
            return []
        }
        switch command {
        case .help:
            helpOpen = true
            helpFilter = ""
            helpTop = 0
            return []
        case .quit:
            quitting = true
            return [.quit]
        case .messages:
            messagesOpen = true
            messagesTop = 0
            return []
        case .undo:
            guard let step = undo.last else {
                status = StatusLine(text: "nothing to undo in this session", isError: true)
                return []
            }
            let change = Change.undo(before: step.before, after: step.after, of: step.event)
            return [.perform(change, account: step.before.id, expected: nil, origin: .undo)]
        case .redo:
            guard let step = redo.last else {
                status = StatusLine(text: "nothing to redo", isError: true)
                return []
            }
            let change = Change.redo(before: step.before, after: step.after, of: step.event)
            return [.perform(change, account: step.before.id, expected: nil, origin: .redo)]
        case .why:
            let id: Int64? =
                switch screen {
                case .board: selectedAccount
                case .stalled: stalledSelected
                case .account(let id), .history(let id), .touchpoints(let id), .timeline(let id): id
                case .changes: changesIndex < changes.count ? changes[changesIndex].id : nil
                case .agenda, .metrics: nil
                }
            whyAccount = id
            whyTop = 0
            return []
        case .dismiss:
            guard screen == .board else { return run(.back) }
            if !filter.isEmpty || mine {
                filter = ""
                mine = false
                status = StatusLine(text: "showing every account", isError: false)
            }
            return []
        case .viewBoard:
            screen = .board
            return []
        case .viewStalled:
            screen = .stalled
            if stalledSelected.map({ stalledOrder.contains($0) }) != true { stalledSelected = stalledOrder.first }
            return []
        case .viewAgenda:
            screen = .agenda
            agendaPending = true
            return [.loadAgenda(mine: agendaMine)]
        case .viewMetrics:
            screen = .metrics
            return [.loadMetrics]
        case .viewChanges:
            screen = .changes
            return [.loadChanges(changesPeriod, mine: changesMine)]
        default:
            break
        }
        switch screen {
        case .board: return boardCommand(command)
        case .stalled: return stalledCommand(command)
        case .agenda: return agendaCommand(command)
        case .changes: return changesCommand(command)
        case .metrics, .history: return scrollCommand(command)
        case .account: return accountCommand(command)
        case .touchpoints: return touchpointCommand(command)
        case .timeline: return timelineCommand(command)
        }
    }

    /// Opens an account; `q` there comes back to `from`.
    mutating func openAccount(_ id: Int64, from: Screen) {
        guard rows[id] != nil else { return }
        screen = .account(id)
        accountReturn = from
        focus = AccountFocus(accountID: id)
    }
}
