import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
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
        case .resolveEscalation:
            guard let a = accounts[id] else { break }
            guard let e = a.escalation else {
                prompt = .refusal("\(a.name) is not escalated")
                break
            }
            prompt = Prompt(
                purpose: .resolution, label: "resolve the escalation (\(e.reason)) — what resolved it", text: "",
                account: id, expected: .account(a.version))
        case .hold:
            guard let a = accounts[id] else { break }
            prompt = AppState.holdPrompt(a)
        case .reassignCSM:
            prompt = Prompt(
                purpose: .csm(new: nil),
                label:
                    "new CSM for \(r.name) (new in \(Period.quarter.name(Period.quarter.span(holding: today))): \(loads))",
                text: r.csm, account: id,
                expected: .account(r.version))
        case .addNote: prompt = Prompt(purpose: .note, label: "note on \(r.name)", text: "", account: id)
        case .markReviewed: return [.perform(.markReviewed, account: id, expected: nil, origin: .new)]
        case .followUp:
            prompt = Prompt(
                purpose: .nextStep, label: "reviewed \(r.name) — the next step", text: "", account: id)
        default: break
        }
        return []
    }

    /// Scrolls the agenda only as far as keeps the selected item (and its day's heading,
    /// when it is the day's first) in view, as the list draws it.
    mutating func followAgendaSelection() {
        guard agendaIndex < agendaLines.lineOfItem.count else { return }
        let line = agendaLines.lineOfItem[agendaIndex]
        let rows = max(1, height - 3)
        // The line above the day's first item is its heading, not an item.
        let firstOfDay = line > 0 && (agendaIndex == 0 || agendaLines.lineOfItem[agendaIndex - 1] != line - 1)
        let head = firstOfDay ? line - 1 : line
        if head < agendaTop { agendaTop = head }
        if line >= agendaTop + rows { agendaTop = line - rows + 1 }
    }

    mutating func agendaCommand(_ command: Command) -> [Effect] {
        let n = agenda.count
        if let to = listIndex(after: command, from: agendaIndex, count: n) {
            agendaIndex = to
            followAgendaSelection()
            return []
        }
        switch command {
        case .back: screen = .board
        case .toggleMine:
            // The header names whose agenda it is; the status line says it is being read.
            agendaMine.toggle()
            agendaTop = 0
            // The other agenda's items are not shown under this one's header meanwhile.
            agenda = []
            agendaHead = nil
            agendaPending = true
            return [.loadAgenda(mine: agendaMine)]
        case .open:
            if agendaIndex < n { openAccount(agenda[agendaIndex].accountID, from: .agenda) }
        case .today:
            let first = AgendaLines.count(agenda, before: today)
            agendaIndex = first < n ? first : max(0, n - 1)
            // Today's heading at the top, its items and the days after below it: the overdue
            // days above are a scroll away, not what fills the view.
            if agendaIndex < agendaLines.lineOfItem.count {
                agendaTop = max(0, agendaLines.lineOfItem[agendaIndex] - 1)
            }
        case .toggleDone:
            guard agendaIndex < n else { return [] }
            let item = agenda[agendaIndex]
            let change: Change
            switch (item.kind, item.itemID) {
            case (.task(let lane), let id?):
                change = .setTaskStatus(task: id, to: lane == .approval ? .approved : .done, reason: nil)
            case (.checkpoint, let id?):
                change = .achieveCheckpoint(checkpoint: id, confirmedBy: nil)
            case (.followUp, _):
                // Reviewing the account again answers its follow-up.
                change = .markReviewed
            case (.touchpoint, let id?):
                if let early = Touchpoint.heldTooEarly(item.title, on: item.day, asOf: today) {
                    prompt = .refusal(early)
                    return []
                }
                prompt = Prompt(
                    purpose: .touchpointOutcome(touchpoint: id),
                    label: "'\(item.title)' of \(Renderer.short(item.day)) held — what came of it", text: "",
                    account: item.accountID)
                return []
            default:
                return []
            }
            return [.perform(change, account: item.accountID, expected: nil, origin: .new)]
        default: break
        }
        return []
    }

    mutating func scrollCommand(_ command: Command) -> [Effect] {
        if command == .cyclePeriod && screen == .metrics {
            let all = Period.allCases
            metricsPeriod = all[((all.firstIndex(of: metricsPeriod) ?? 0) + 1) % all.count]
            status = StatusLine(text: "this \(metricsPeriod.rawValue) against the last", isError: false)
            return [.loadMetrics]
        }
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
}
