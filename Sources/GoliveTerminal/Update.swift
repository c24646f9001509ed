import GoliveDomain

/// What happened: a key, a resize, or the result of an effect the runtime performed.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case loaded([Account])
    case saved(before: Account, after: Account, event: Event, isUndo: Bool)
    case refused(String, fresh: Account?)
}

/// What the runtime must do; the update function itself never touches the store.
public enum Effect: Equatable, Sendable {
    case perform(Change, account: Int64, expected: RowVersion?, isUndo: Bool)
    case reload
    case quit
}

extension AppState {
    /// The update function: the next state and the effects to perform.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case let .resize(w, h):
            width = w; height = h
            clampBoard()
            return []
        case let .loaded(list):
            load(list)
            if case let .account(id) = screen, accounts[id] == nil { screen = .board; focus = nil }
            status = StatusLine(text: "reloaded \(list.count) accounts", isError: false)
            return []
        case let .saved(before, after, event, isUndo):
            replace(after)
            if isUndo { undo.removeLast() } else { undo.append(UndoStep(snapshot: before, event: event)); if undo.count > 100 { undo.removeFirst() } }
            status = StatusLine(text: (isUndo ? "undone: " : "saved: ") + Describe.event(event, in: after), isError: false)
            clampBoard()
            return []
        case let .refused(message, fresh):
            if let fresh { replace(fresh) }
            status = StatusLine(text: message, isError: true)
            return []
        case let .key(key):
            if key == .ctrl("c") { quitting = true; return [.quit] }
            if prompt != nil { return promptKey(key) }
            if helpOpen { helpKey(key); return [] }
            if tooSmall {
                if keys.command(for: key, in: .board) == .back { quitting = true; return [.quit] }
                return []
            }
            status = nil
            let scope: Scope = screen == .board ? .board : .account
            guard let command = keys.command(for: key, in: scope) else { return [] }
            return run(command)
        }
    }

    mutating func run(_ command: Command) -> [Effect] {
        switch command {
        case .help:
            helpOpen = true; helpFilter = ""; helpTop = 0
            return []
        case .quit:
            quitting = true
            return [.quit]
        case .undo:
            guard let step = undo.last else { status = StatusLine(text: "nothing to undo in this session", isError: true); return [] }
            guard let current = accounts[step.snapshot.id] else { return [] }
            let change = Change.undo(snapshot: step.snapshot, of: step.event)
            return [.perform(change, account: current.id, expected: current.expectation(for: change), isUndo: true)]
        default:
            break
        }
        if screen == .board { return boardCommand(command) }
        return accountCommand(command)
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
        case .back: quitting = true; return [.quit]
        case .open:
            guard let id = selectedAccount, accounts[id] != nil else { return [] }
            screen = .account(id)
            focus = AccountFocus(accountID: id)
        case .filter:
            prompt = Prompt(purpose: .filter, label: "filter", text: filter)
        case .cycleSort:
            sort = BoardSort(rawValue: (sort.rawValue + 1) % BoardSort.allCases.count)!
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
        guard let a = currentAccount, var f = focus else { screen = .board; return [] }
        let lanes = Lane.allCases
        let list = tasks(of: a, in: f.lane)
        let task = selectedTask(in: a)
        func perform(_ c: Change) -> [Effect] { [.perform(c, account: a.id, expected: a.expectation(for: c), isUndo: false)] }
        func needTask() -> OnboardingTask? {
            if task == nil { status = StatusLine(text: "no task selected in the \(f.lane.title) lane", isError: true) }
            return task
        }
        func ask(_ purpose: Prompt.Purpose, _ label: String, _ text: String = "") { prompt = Prompt(purpose: purpose, label: label, text: text) }

        switch command {
        case .back:
            screen = .board; focus = nil
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
            let i = lanes.firstIndex(of: f.lane)!
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
            if t.lane == .approval { return perform(.setTaskStatus(task: t.id, to: t.status == .approved ? .pending : .approved, reason: nil)) }
            return perform(.setTaskStatus(task: t.id, to: t.status == .done ? .open : .done, reason: nil))
        case .reject:
            guard let t = needTask() else { return [] }
            guard t.lane == .approval else { status = StatusLine(text: "only approvals can be rejected (this is the \(t.lane.title) lane)", isError: true); return [] }
            ask(.rejectReason(task: t.id), "reject '\(t.title)' — reason")
        case .block:
            guard let t = needTask() else { return [] }
            guard t.lane != .approval else { status = StatusLine(text: "an approval is approved or rejected, not blocked", isError: true); return [] }
            if t.status == .blocked { return perform(.setTaskStatus(task: t.id, to: .open, reason: nil)) }
            ask(.blockReason(task: t.id), "block '\(t.title)' — reason")
        case .markWaiting:
            guard let t = needTask() else { return [] }
            guard t.lane != .approval else { status = StatusLine(text: "an approval is pending until approved or rejected", isError: true); return [] }
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
                ask(.customerConfirmation(checkpoint: c.id), "\(c.name) needs the customer's confirmation — confirmed by",
                    a.handoff.stakeholders.first?.name ?? "")
                return []
            }
            return perform(.achieveCheckpoint(checkpoint: c.id, confirmedBy: nil))
        case .advanceStage:
            let unmet = a.unmetGates()
            if unmet.isEmpty { return perform(.advanceStage(overrideReason: nil)) }
            ask(.overrideReason, "cannot leave \(a.stage.name): \(unmet.joined(separator: "; ")) — override reason (Esc keeps the stage)")
        case .escalate:
            ask(.escalationReason, "escalate \(a.name) — reason", a.escalation?.reason ?? "")
        default:
            break
        }
        return []
    }

    // MARK: Prompts

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
        case let .ctrl(c) where c == "u":
            p.text = ""
        case .char("+"), .char("-"):
            if p.purpose.asksForADate, let d = Day(iso: p.text) {
                p.text = (d + (key == .char("+") ? 1 : -1)).iso
            } else if case let .char(c) = key { p.text.append(c) }
        case let .char(c):
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
        if p.purpose == .filter { filter = text; return [] }
        guard let a = currentAccount else { return [] }
        func perform(_ c: Change) -> [Effect] { [.perform(c, account: a.id, expected: a.expectation(for: c), isUndo: false)] }
        switch p.purpose {
        case .filter: return []
        case let .blockReason(t): return perform(.setTaskStatus(task: t, to: .blocked, reason: text))
        case let .rejectReason(t): return perform(.setTaskStatus(task: t, to: .rejected, reason: text))
        case let .newTaskTitle(lane):
            guard !text.isEmpty else { status = StatusLine(text: "the title cannot be empty", isError: true); return [] }
            prompt = Prompt(purpose: .newTaskOwner(lane: lane, title: text), label: "owner of '\(text)'",
                            text: lane == .internal ? a.csm : a.handoff.stakeholders.first?.name ?? "")
        case let .newTaskOwner(lane, title):
            guard !text.isEmpty else { status = StatusLine(text: "the owner cannot be empty", isError: true); return [] }
            prompt = Prompt(purpose: .newTaskDue(lane: lane, title: title, owner: text), label: "due (YYYY-MM-DD, +/- a day)",
                            text: (today + 7).iso)
        case let .newTaskDue(lane, title, owner):
            guard let due = Day(iso: text) else { status = StatusLine(text: "'\(text)' is not a date (YYYY-MM-DD)", isError: true); return [] }
            let checkpoint = selectedCheckpoint(in: a).flatMap { $0.isAchieved ? nil : $0.id }
            return perform(.addTask(lane: lane, title: title, owner: owner, due: due, checkpoint: checkpoint))
        case let .editTitle(t): return perform(.editTaskTitle(task: t, title: text))
        case let .due(t):
            guard let due = Day(iso: text) else { status = StatusLine(text: "'\(text)' is not a date (YYYY-MM-DD)", isError: true); return [] }
            return perform(.setTaskDue(task: t, due: due))
        case let .owner(t): return perform(.reassignTask(task: t, owner: text))
        case .note: return perform(.addNote(text: text, task: selectedTask(in: a)?.id))
        case let .customerConfirmation(c): return perform(.achieveCheckpoint(checkpoint: c, confirmedBy: text))
        case .overrideReason: return perform(.advanceStage(overrideReason: text))
        case .escalationReason: return perform(.escalate(reason: text))
        }
        return []
    }

    // MARK: Help

    mutating func helpKey(_ key: Key) {
        switch key {
        case .escape, .char("?"): helpOpen = false
        case .char("q") where helpFilter.isEmpty: helpOpen = false
        case .backspace, .delete: if !helpFilter.isEmpty { helpFilter.removeLast() }; helpTop = 0
        case .up: helpTop = max(0, helpTop - 1)
        case .down: helpTop += 1
        case .pageUp: helpTop = max(0, helpTop - (height - 4))
        case .pageDown: helpTop += height - 4
        case let .char(c): helpFilter.append(c); helpTop = 0
        default: break
        }
    }
}
