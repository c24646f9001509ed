import GoliveDomain
import GoliveIO

extension Renderer {
    func footer(_ s: AppState, _ c: inout Canvas) {
        let y = s.height - 1
        c.fill(y: y, role: .footer)
        if let p = s.prompt {
            promptLine(p, s, &c)
            return
        }
        if let st = s.status {
            statusLines(st, s, &c)
            return
        }
        let keys: [(Command, String)]
        switch s.screen {
        case _ where s.helpOpen || s.whyAccount != nil || s.messagesOpen: keys = []
        case .board:
            keys = [
                (.open, "open"), (.filter, "filter"), (.cycleSort, "sort"), (.toggleMine, "mine"), (.why, "why"),
                (.reload, "reload"),
                (.viewStalled, "stalled"),
                (.viewAgenda, "agenda"), (.viewMetrics, "metrics"), (.undo, "undo"), (.help, "help"), (.back, "quit"),
            ]
        case .stalled:
            keys = [
                (.open, "open"), (.why, "why"), (.escalate, "escalate"), (.reassignCSM, "CSM"), (.addNote, "note"),
                (.markReviewed, "reviewed"),
                (.undo, "undo"), (.viewBoard, "board"), (.help, "help"), (.back, "back"),
            ]
        case .agenda:
            keys = [
                (.open, "open"), (.toggleDone, "done"), (.today, "today"), (.toggleMine, "mine"),
                (.viewBoard, "board"), (.undo, "undo"), (.help, "help"), (.back, "back"),
            ]
        case .changes:
            keys = [
                (.open, "open"), (.why, "why"), (.cyclePeriod, "since"), (.toggleMine, "mine"), (.viewBoard, "board"),
                (.help, "help"), (.back, "back"),
            ]
        case .metrics:
            keys = [
                (.moveDown, "scroll"), (.cyclePeriod, "period"), (.viewBoard, "board"), (.viewStalled, "stalled"),
                (.help, "help"),
                (.back, "back"),
            ]
        case .history: keys = [(.moveDown, "scroll"), (.help, "help"), (.back, "back")]
        case .touchpoints:
            keys = [
                (.toggleDone, "held"), (.reject, "missed"), (.addTouchpoint, "add"), (.undo, "undo"), (.help, "help"),
                (.back, "back"),
            ]
        case .timeline:
            keys = [
                (.scrollLeft, "earlier"), (.scrollRight, "later"), (.cycleScale, "days/weeks"), (.today, "today"),
                (.planStart, "first day"), (.planEnd, "last day"), (.moveDown, "select"), (.help, "help"),
                (.back, "back"),
            ]
        case .account:
            keys = [
                (.nextLane, "lane"), (.toggleDone, "done"), (.block, "block"), (.markWaiting, "wait"),
                (.markInProgress, "doing"), (.skip, "skip"),
                (.addTask, "add"), (.changeDue, "due"),
                (.reassign, "owner"), (.addNote, "note"), (.achieveCheckpoint, "checkpoint"), (.advanceStage, "stage"),
                (.escalate, "escalate"),
                (.deleteTask, "delete"), (.timeline, "timeline"), (.touchpoints, "touchpoints"), (.history, "history"),
                (.undo, "undo"),
                (.help, "help"), (.back, "back"),
            ]
        }
        // Help and the way out are always shown; the others, in order, while they fit.
        func item(_ command: Command, _ word: String) -> String? {
            guard !(s.readOnly && command.changesData), let k = s.keys.keys(for: command).first else { return nil }
            return "\(k.description) \(word)  "
        }
        let essential: Set<Command> = [.help, .back]
        let last = keys.filter { essential.contains($0.0) }.compactMap { item($0.0, $0.1) }
        var room = s.width - 1 - last.reduce(0) { $0 + Text.width($1) }
        var x = 1
        for (command, word) in keys where !essential.contains(command) {
            guard let text = item(command, word) else { continue }
            if Text.width(text) > room { break }
            room -= Text.width(text)
            x += c.put(text, x: x, y: y, role: .footer)
        }
        for text in last { x += c.put(text, x: x, y: y, role: .footer) }
        if s.helpOpen { c.put(" type to filter · Esc closes", x: 0, y: y, role: .footer) }
        if s.whyAccount != nil || s.messagesOpen { c.put(" j/k scroll · Esc closes", x: 0, y: y, role: .footer) }
    }

    func tooSmall(_ s: AppState, _ c: inout Canvas) {
        let lines = [
            "terminal too small",
            "need \(AppState.minimumWidth)×\(AppState.minimumHeight), have \(s.width)×\(s.height)", "q quits",
        ]
        for (i, l) in lines.enumerated() {
            let y = s.height / 2 - 1 + i
            c.put(l, x: max(0, (s.width - Text.width(l)) / 2), y: y, role: i == 0 ? .statusError : .normal)
        }
    }
}
