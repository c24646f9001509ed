import Foundation
import GoliveDomain
import GoliveIO

/// What happened: a key, a resize, or the result of an effect the runtime performed.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A reload the user asked for.
    case loaded(Snapshot)
    /// Another instance committed: the accounts it changed are marked for a moment.
    case refreshed(Snapshot, at: Date)
    /// Time passed (expires the marks of changed rows).
    case tick(Date)
    case saved(before: Account, after: Account, event: Event, isUndo: Bool)
    case refused(String, fresh: Account?)
    case historyLoaded(Int64, [Event])
    /// Accounts read whole because a screen needs them (`AppState.missing`).
    case fetched([Account])
    case agendaLoaded([AgendaItem])
    case metricsLoaded(MetricsReport)
    /// Something slow has begun (the status line says what, until it is done).
    case working(String)
}

/// What the runtime must do; the update function itself never touches the store.
public enum Effect: Equatable, Sendable {
    case perform(Change, account: Int64, expected: RowVersion?, isUndo: Bool)
    case reload
    case loadHistory(Int64)
    /// Read the agenda (of the user's accounts only, or of every account).
    case loadAgenda(mine: Bool)
    case loadMetrics
    case quit
}

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

    // MARK: Stalled review, agenda, metrics, history

    mutating func stalledCommand(_ command: Command) -> [Effect] {
        let order = stalledOrder
        let i = stalledSelected.flatMap { order.firstIndex(of: $0) } ?? 0
        func select(_ j: Int) { if !order.isEmpty { stalledSelected = order[max(0, min(order.count - 1, j))] } }
        guard let id = stalledSelected ?? order.first, let r = rows[id] else {
            if command == .back { screen = .board }
            return []
        }
        switch command {
        case .moveUp: select(i - 1)
        case .moveDown: select(i + 1)
        case .top: select(0)
        case .bottom: select(order.count - 1)
        case .pageUp: select(i - (height - 4))
        case .pageDown: select(i + height - 4)
        case .back: screen = .board
        case .open: openAccount(id, from: .stalled)
        case .escalate:
            guard let a = accounts[id] else { break }
            prompt = Prompt(
                purpose: .escalationReason, label: AppState.escalationLabel(a), text: "", account: id,
                expected: .account(a.version))
        case .reassignCSM:
            prompt = Prompt(
                purpose: .csm, label: "new CSM for \(r.name)", text: r.csm, account: id, expected: .account(r.version))
        case .addNote: prompt = Prompt(purpose: .note, label: "note on \(r.name)", text: "", account: id)
        case .markReviewed: return [.perform(.markReviewed, account: id, expected: nil, isUndo: false)]
        default: break
        }
        return []
    }

    mutating func agendaCommand(_ command: Command) -> [Effect] {
        let n = agenda.count
        switch command {
        case .moveUp: agendaIndex = max(0, agendaIndex - 1)
        case .moveDown: agendaIndex = max(0, min(n - 1, agendaIndex + 1))
        case .top: agendaIndex = 0
        case .bottom: agendaIndex = max(0, n - 1)
        case .pageUp: agendaIndex = max(0, agendaIndex - (height - 4))
        case .pageDown: agendaIndex = max(0, min(n - 1, agendaIndex + height - 4))
        case .back: screen = .board
        case .toggleMine:
            agendaMine.toggle()
            status = StatusLine(
                text: agendaMine ? "agenda of \(user)'s accounts" : "agenda of every account", isError: false)
            return [.loadAgenda(mine: agendaMine)]
        case .open:
            if agendaIndex < n { openAccount(agenda[agendaIndex].accountID, from: .agenda) }
        default: break
        }
        return []
    }

    mutating func scrollCommand(_ command: Command) -> [Effect] {
        var top = screen == .metrics ? metricsTop : historyTop
        switch command {
        case .moveUp: top -= 1
        case .moveDown: top += 1
        case .pageUp: top -= height - 4
        case .pageDown: top += height - 4
        case .top: top = 0
        case .bottom: top = Int.max / 2
        case .back:
            if case .history(let id) = screen { screen = .account(id) } else { screen = .board }
            return []
        default: return []
        }
        if screen == .metrics {
            metricsTop = top
            clampMetrics()
        } else {
            historyTop = max(0, min(top, history.count - (height - 2)))
        }
        return []
    }

    mutating func clampMetrics() {
        let lines = Renderer(glyphs: Glyphs(unicode: true)).metricLines(self).count
        metricsTop = max(0, min(metricsTop, lines - (height - 2)))
    }

    // MARK: Board

    mutating func boardCommand(_ command: Command) -> [Effect] {
        switch command {
        case .moveUp: moveBoard(by: -1)
        case .moveDown: moveBoard(by: 1)
        case .pageUp: moveBoard(by: -boardListHeight)
        case .pageDown: moveBoard(by: boardListHeight)
        case .top: moveBoard(to: 0)
        case .bottom: moveBoard(to: visible.count - 1)
        case .back:
            quitting = true
            return [.quit]
        case .open:
            guard let id = selectedAccount else { return [] }
            openAccount(id, from: .board)
        case .filter:
            prompt = Prompt(purpose: .filter, label: "filter", text: filter)
        case .cycleSort:
            sort = BoardSort(rawValue: (sort.rawValue + 1) % BoardSort.allCases.count) ?? .worstFirst
            status = StatusLine(text: "sorted by \(sort.title)", isError: false)
        case .toggleMine:
            mine.toggle()
            status = StatusLine(text: mine ? "showing \(user)'s accounts" : "showing every account", isError: false)
        case .reload:
            return [.reload]
        default:
            break
        }
        return []
    }

    mutating func moveBoard(by delta: Int) {
        moveBoard(to: (selectedIndex ?? 0) + delta)
    }

    mutating func moveBoard(to index: Int) {
        guard !visible.isEmpty else { return }
        selectedAccount = visible[max(0, min(visible.count - 1, index))]
        clampBoard()
    }

    /// Keeps the selected row inside the visible window.
    mutating func clampBoard() {
        let i = selectedIndex ?? 0
        let h = boardListHeight
        if i < boardTop { boardTop = i }
        if i >= boardTop + h { boardTop = i - h + 1 }
        boardTop = max(0, min(boardTop, max(0, visible.count - h)))
    }

    // MARK: Account

    mutating func accountCommand(_ command: Command) -> [Effect] {
        guard let a = currentAccount, var f = focus else {
            screen = .board
            return []
        }
        let lanes = Lane.allCases
        let list = tasks(of: a, in: f.lane)
        let task = selectedTask(in: a)
        func perform(_ c: Change) -> [Effect] {
            [.perform(c, account: a.id, expected: a.expectation(for: c), isUndo: false)]
        }
        func needTask() -> OnboardingTask? {
            if task == nil { status = StatusLine(text: "no task selected in the \(f.lane.title) lane", isError: true) }
            return task
        }
        func ask(_ purpose: Prompt.Purpose, _ label: String, _ text: String = "") {
            prompt = Prompt(purpose: purpose, label: label, text: text, expected: Prompt.expectation(purpose, in: a))
        }

        switch command {
        case .back:
            screen = accountReturn
            focus = nil
            if screen == .stalled { stalledSelected = a.id }
        case .history:
            screen = .history(a.id)
            history = []
            historyTop = 0
            return [.loadHistory(a.id)]
        case .markReviewed:
            return [.perform(.markReviewed, account: a.id, expected: nil, isUndo: false)]
        case .moveUp, .moveDown, .top, .bottom, .pageUp, .pageDown:
            guard !list.isEmpty else { return [] }
            let i = list.firstIndex { $0.id == task?.id } ?? 0
            let page = max(1, height / 3)
            let to: Int
            switch command {
            case .moveUp: to = i - 1
            case .moveDown: to = i + 1
            case .top: to = 0
            case .bottom: to = list.count - 1
            case .pageUp: to = i - page
            default: to = i + page
            }
            f.selected[f.lane] = list[max(0, min(list.count - 1, to))].id
            focus = f
        case .nextLane, .previousLane:
            let i = lanes.firstIndex(of: f.lane) ?? 0
            f.lane = lanes[(i + (command == .nextLane ? 1 : lanes.count - 1)) % lanes.count]
            focus = f
        case .previousCheckpoint, .nextCheckpoint:
            let ordered = a.checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            guard !ordered.isEmpty else { return [] }
            let i = ordered.firstIndex { $0.id == selectedCheckpoint(in: a)?.id } ?? 0
            f.checkpoint = ordered[max(0, min(ordered.count - 1, i + (command == .nextCheckpoint ? 1 : -1)))].id
            focus = f
        case .toggleDone:
            guard let t = needTask() else { return [] }
            if t.lane == .approval {
                return perform(
                    .setTaskStatus(task: t.id, to: t.status == .approved ? .pending : .approved, reason: nil))
            }
            return perform(.setTaskStatus(task: t.id, to: t.status == .done ? .open : .done, reason: nil))
        case .reject:
            guard let t = needTask() else { return [] }
            guard t.lane == .approval else {
                status = StatusLine(
                    text: "only approvals can be rejected (this is the \(t.lane.title) lane)", isError: true)
                return []
            }
            ask(.rejectReason(task: t.id), "reject '\(t.title)' — reason")
        case .block:
            guard let t = needTask() else { return [] }
            guard t.lane != .approval else {
                status = StatusLine(text: "an approval is approved or rejected, not blocked", isError: true)
                return []
            }
            if t.status == .blocked { return perform(.setTaskStatus(task: t.id, to: .open, reason: nil)) }
            ask(.blockReason(task: t.id), "block '\(t.title)' — reason")
        case .markWaiting:
            guard let t = needTask() else { return [] }
            guard t.lane != .approval else {
                status = StatusLine(text: "an approval is pending until approved or rejected", isError: true)
                return []
            }
            return perform(.setTaskStatus(task: t.id, to: t.status == .waiting ? .open : .waiting, reason: nil))
        case .addTask:
            ask(.newTaskTitle(lane: f.lane), "new \(f.lane.title.lowercased()) task — title")
        case .editTitle:
            guard let t = needTask() else { return [] }
            ask(.editTitle(task: t.id), "title", t.title)
        case .changeDue:
            guard let t = needTask() else { return [] }
            ask(.due(task: t.id), "due (YYYY-MM-DD, +/- a day)", t.due.iso)
        case .reassign:
            guard let t = needTask() else { return [] }
            ask(.owner(task: t.id), "owner of '\(t.title)'", t.owner)
        case .addNote:
            ask(.note, "note on \(a.name)")
        case .achieveCheckpoint:
            guard let c = selectedCheckpoint(in: a) else { return [] }
            if c.customerConfirms && !c.isAchieved {
                ask(
                    .customerConfirmation(checkpoint: c.id),
                    "\(c.name) needs the customer's confirmation — confirmed by",
                    a.handoff.stakeholders.first?.name ?? "")
                return []
            }
            return perform(.achieveCheckpoint(checkpoint: c.id, confirmedBy: nil))
        case .advanceStage:
            let unmet = a.unmetGates()
            if unmet.isEmpty { return perform(.advanceStage(overrideReason: nil)) }
            ask(
                .overrideReason,
                "cannot leave \(a.stage.name): \(unmet.joined(separator: "; ")) — override reason (Esc keeps the stage)"
            )
        case .escalate:
            ask(.escalationReason, AppState.escalationLabel(a))
        default:
            break
        }
        return []
    }

    // MARK: Prompts

    /// An escalation starts from an empty reason; one in force is named in the question.
    static func escalationLabel(_ a: Account) -> String {
        "escalate \(a.name)" + (a.escalation.map { " (now: \($0.reason))" } ?? "") + " — reason"
    }

    mutating func promptKey(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        switch key {
        case .escape:
            if p.purpose == .filter { filter = "" }
            prompt = nil
            status = StatusLine(text: "cancelled", isError: false)
            return []
        case .backspace, .delete:
            if !p.text.isEmpty { p.text.removeLast() }
        case .ctrl(let c) where c == "u":
            p.text = ""
        case .char("+"), .char("-"):
            if p.purpose.asksForADate, let d = Day(iso: p.text) {
                p.text = (d + (key == .char("+") ? 1 : -1)).iso
            } else if case .char(let c) = key {
                p.text.append(c)
            }
        case .char(let c):
            if p.text.count < 500 { p.text.append(c) }
        case .enter:
            prompt = nil
            return submit(p)
        default:
            return []
        }
        prompt = p
        if p.purpose == .filter { filter = p.text }
        return []
    }

    mutating func submit(_ p: Prompt) -> [Effect] {
        let text = p.text.trimmingCharacters(in: .whitespaces)
        if p.purpose == .filter {
            filter = text
            return []
        }
        guard let a = p.account.flatMap({ accounts[$0] }) ?? currentAccount else { return [] }
        func perform(_ c: Change) -> [Effect] {
            [.perform(c, account: a.id, expected: p.expected ?? a.expectation(for: c), isUndo: false)]
        }
        switch p.purpose {
        case .filter: return []
        case .blockReason(let t): return perform(.setTaskStatus(task: t, to: .blocked, reason: text))
        case .rejectReason(let t): return perform(.setTaskStatus(task: t, to: .rejected, reason: text))
        case .newTaskTitle(let lane):
            guard !text.isEmpty else {
                status = StatusLine(text: "the title cannot be empty", isError: true)
                return []
            }
            prompt = Prompt(
                purpose: .newTaskOwner(lane: lane, title: text), label: "owner of '\(text)'",
                text: lane == .internal ? a.csm : a.handoff.stakeholders.first?.name ?? "")
        case .newTaskOwner(let lane, let title):
            guard !text.isEmpty else {
                status = StatusLine(text: "the owner cannot be empty", isError: true)
                return []
            }
            prompt = Prompt(
                purpose: .newTaskDue(lane: lane, title: title, owner: text), label: "due (YYYY-MM-DD, +/- a day)",
                text: (today + 7).iso)
        case .newTaskDue(let lane, let title, let owner):
            guard let due = Day(iso: text) else {
                status = StatusLine(text: "'\(text)' is not a date (YYYY-MM-DD)", isError: true)
                return []
            }
            let checkpoint = selectedCheckpoint(in: a).flatMap { $0.isAchieved ? nil : $0.id }
            return perform(.addTask(lane: lane, title: title, owner: owner, due: due, checkpoint: checkpoint))
        case .editTitle(let t): return perform(.editTaskTitle(task: t, title: text))
        case .due(let t):
            guard let due = Day(iso: text) else {
                status = StatusLine(text: "'\(text)' is not a date (YYYY-MM-DD)", isError: true)
                return []
            }
            return perform(.setTaskDue(task: t, due: due))
        case .owner(let t): return perform(.reassignTask(task: t, owner: text))
        case .note: return perform(.addNote(text: text, task: p.account == nil ? selectedTask(in: a)?.id : nil))
        case .customerConfirmation(let c): return perform(.achieveCheckpoint(checkpoint: c, confirmedBy: text))
        case .overrideReason: return perform(.advanceStage(overrideReason: text))
        case .escalationReason: return perform(.escalate(reason: text))
        case .csm: return perform(.reassignCSM(to: text))
        }
        return []
    }

    // MARK: Help

    mutating func helpKey(_ key: Key) {
        switch key {
        case .escape, .char("?"): helpOpen = false
        case .char("q") where helpFilter.isEmpty: helpOpen = false
        case .backspace, .delete:
            if !helpFilter.isEmpty { helpFilter.removeLast() }
            helpTop = 0
        case .up: helpTop = max(0, helpTop - 1)
        case .down: helpTop += 1
        case .pageUp: helpTop = max(0, helpTop - (height - 4))
        case .pageDown: helpTop += height - 4
        case .char(let c):
            helpFilter.append(c)
            helpTop = 0
        default: break
        }
    }
}
