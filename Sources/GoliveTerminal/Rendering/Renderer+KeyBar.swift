import GoliveDomain

extension Renderer {
    /// The keys a screen's bar names, in the order they are shown, each with its word.
    static func keyBarKeys(_ s: AppState) -> [(Command, String)] {
        switch s.screen {
        case _ where s.helpOpen || s.whyAccount != nil || s.messagesOpen: return []
        case .board:
            return [
                (.open, "open"), (.filter, "filter"), (.cycleSort, "sort"), (.toggleMine, "mine"), (.why, "why"),
                (.reload, "reload"),
                (.viewStalled, "stalled"),
                (.viewAgenda, "agenda"), (.viewMetrics, "metrics"), (.undo, "undo"), (.help, "help"), (.back, "quit"),
            ]
        case .stalled:
            // Every key the review takes, its own first: what does not fit one line takes a second.
            return [
                (.open, "open"), (.escalate, "escalate"), (.resolveEscalation, "resolve"), (.hold, "hold"),
                (.reassignCSM, "CSM"), (.addNote, "note"), (.markReviewed, "reviewed"), (.followUp, "follow-up"),
                (.why, "why"), (.undo, "undo"), (.viewBoard, "board"), (.help, "help"), (.back, "back"),
            ]
        case .agenda:
            return [
                (.open, "open"), (.toggleDone, "done"), (.today, "today"), (.toggleMine, "mine"),
                (.viewBoard, "board"), (.undo, "undo"), (.help, "help"), (.back, "back"),
            ]
        case .changes:
            return [
                (.open, "open"), (.why, "why"), (.cyclePeriod, "since"), (.toggleMine, "mine"), (.viewBoard, "board"),
                (.help, "help"), (.back, "back"),
            ]
        case .metrics:
            return [
                (.moveDown, "scroll"), (.cyclePeriod, "period"), (.viewBoard, "board"), (.viewStalled, "stalled"),
                (.help, "help"),
                (.back, "back"),
            ]
        case .history: return [(.moveDown, "scroll"), (.help, "help"), (.back, "back")]
        case .touchpoints:
            return [
                (.toggleDone, "held"), (.reject, "missed"), (.addTouchpoint, "add"), (.undo, "undo"), (.help, "help"),
                (.back, "back"),
            ]
        case .timeline:
            return [
                (.scrollLeft, "earlier"), (.scrollRight, "later"), (.cycleScale, "days/weeks"), (.today, "today"),
                (.planStart, "first day"), (.planEnd, "last day"), (.moveDown, "select"), (.help, "help"),
                (.back, "back"),
            ]
        case .account:
            return [
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
    }

    /// The screens whose bar takes a second line rather than leave a key out.
    static func keyBarWraps(_ s: AppState) -> Bool { s.screen == .stalled }

    /// The key bar's lines: one, or two where the screen wraps rather than leaves keys out.
    /// Help and the way out are always shown, last; the others, in order, while they fit.
    func keyBarLines(_ s: AppState) -> [String] {
        let keys = Renderer.keyBarKeys(s)
        func item(_ command: Command, _ word: String) -> String? {
            guard !(s.readOnly && command.changesData), let k = s.keys.keys(for: command).first else { return nil }
            return "\(k.description) \(word)  "
        }
        let essential: Set<Command> = [.help, .back]
        let last = keys.filter { essential.contains($0.0) }.compactMap { item($0.0, $0.1) }
        let others = keys.filter { !essential.contains($0.0) }.compactMap { item($0.0, $0.1) }
        let width = s.width - 1
        func fill(_ items: ArraySlice<String>, room: Int) -> (line: String, used: Int) {
            var line = ""
            var used = 0
            for text in items {
                if Text.width(line) + Text.width(text) > room { break }
                line += text
                used += 1
            }
            return (line, used)
        }
        let lastWidth = last.reduce(0) { $0 + Text.width($1) }
        let all = others.reduce(0) { $0 + Text.width($1) } + lastWidth
        if Renderer.keyBarWraps(s) && all > width {
            let first = fill(others[...], room: width)
            let second = fill(others.dropFirst(first.used), room: width - lastWidth)
            return [" " + first.line, " " + second.line + last.joined()]
        }
        return [" " + fill(others[...], room: width - lastWidth).line + last.joined()]
    }
}
