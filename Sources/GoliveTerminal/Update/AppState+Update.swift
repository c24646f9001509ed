import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
    /// How long a row another instance changed stays marked.
    public static let flashSeconds: TimeInterval = 3
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
            load(snapshot)
            leaveVanishedAccount()
            status = StatusLine(text: "reloaded \(snapshot.facts.count) accounts", isError: false)
            return reloadLeadScreen()
        case .refreshed(let snapshot, let at):
            // Versions before, of the rows that may change (not a copy of every row).
            let ids = snapshot.changedOnly ? snapshot.facts.map(\.id) : nil
            let before = Dictionary(
                (ids ?? Array(rows.ids)).map { ($0, rows.version(of: $0)) }, uniquingKeysWith: { a, _ in a })
            load(snapshot)
            leaveVanishedAccount()
            now = at
            for id in ids ?? Array(rows.ids) where (before[id] ?? nil) != rows.version(of: id) {
                flash[id] = at.addingTimeInterval(AppState.flashSeconds)
            }
            return reloadLeadScreen()
        case .fetched(let list):
            fetched(list)
            return []
        case .agendaLoaded(let items):
            agenda = items
            agendaIndex = max(0, min(agendaIndex, agenda.count - 1))
            return []
        case .metricsLoaded(let report):
            metrics = report
            clampMetrics()
            status = nil
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
                history = events.reversed()
                historyTop = 0
            }
            return []
        case .saved(let before, let after, let event, let isUndo):
            replace(after)
            noteReview(event)
            if isUndo {
                undo.removeLast()
            } else {
                undo.append(UndoStep(snapshot: before, event: event))
                if undo.count > 100 { undo.removeFirst() }
            }
            status = StatusLine(
                text: (isUndo ? "undone: " : "saved: ") + Describe.event(event, in: after), isError: false)
            clampBoard()
            return []
        case .refused(let message, let fresh):
            if let fresh { replace(fresh) }
            status = StatusLine(text: message, isError: true)
            return []
        case .key(let key):
            if key == .ctrl("c") {
                quitting = true
                return [.quit]
            }
            if prompt != nil { return promptKey(key) }
            if helpOpen {
                helpKey(key)
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

    /// The agenda and metrics are read from the store, so they follow it when it changes.
    func reloadLeadScreen() -> [Effect] {
        switch screen {
        case .agenda: [.loadAgenda(mine: agendaMine)]
        case .metrics: [.loadMetrics]
        default: []
        }
    }

    mutating func leaveVanishedAccount() {
        switch screen {
        case .account(let id), .history(let id):
            if rows[id] == nil {
                screen = .board
                focus = nil
            }
        default: break
        }
    }

    mutating func run(_ command: Command) -> [Effect] {
        if readOnly && command.changesData {
            status = StatusLine(text: "read-only: nothing was changed", isError: true)
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
        case .undo:
            guard let step = undo.last else {
                status = StatusLine(text: "nothing to undo in this session", isError: true)
                return []
            }
            guard let current = accounts[step.snapshot.id] else { return [] }
            let change = Change.undo(snapshot: step.snapshot, of: step.event)
            return [.perform(change, account: current.id, expected: current.expectation(for: change), isUndo: true)]
        case .viewBoard:
            screen = .board
            return []
        case .viewStalled:
            screen = .stalled
            if stalledSelected.map({ stalledOrder.contains($0) }) != true { stalledSelected = stalledOrder.first }
            return []
        case .viewAgenda:
            screen = .agenda
            return [.loadAgenda(mine: agendaMine)]
        case .viewMetrics:
            screen = .metrics
            return [.loadMetrics]
        default:
            break
        }
        switch screen {
        case .board: return boardCommand(command)
        case .stalled: return stalledCommand(command)
        case .agenda: return agendaCommand(command)
        case .metrics, .history: return scrollCommand(command)
        case .account: return accountCommand(command)
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
