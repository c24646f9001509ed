import GoliveDomain

extension AppState {
    /// Lines the timeline's rows have on screen (its header, dates, detail bar and footer aside).
    var timelineHeight: Int { max(1, height - 5) }

    /// Opens the account's timeline on the root of the go-live's critical path: where the
    /// slip starts is the row to read first.
    mutating func openTimeline(_ a: Account) {
        let t = Timeline(a, asOf: today)
        screen = .timeline(a.id)
        timelineIndex = t.root ?? 0
        // From the top, as little further as the root needs: the checkpoints stay in view
        // as long as they can.
        timelineTop = t.bars.isEmpty ? 0 : t.top(from: 0, showing: timelineIndex, height: timelineHeight)
        timelineStart = nil
    }

    /// Keys on an account's timeline: the selection up and down, the days sideways, the scale.
    mutating func timelineCommand(_ command: Command) -> [Effect] {
        guard case .timeline(let id) = screen else { return [] }
        guard let a = accounts[id] else {
            if command == .back { screen = .account(id) }
            return []
        }
        let t = Timeline(a, asOf: today)
        if let to = listIndex(after: command, from: timelineIndex, count: t.bars.count) {
            timelineIndex = to
            timelineTop = t.top(from: timelineTop, showing: to, height: timelineHeight)
            return []
        }
        let frame = TimelineFrame(t, width: width, scale: timelineScale)
        let start = frame.start(timelineStart, in: t, today: today)
        func show(_ day: Day, atEnd: String) {
            let to = frame.clamped(day, in: t)
            // A step that cannot go further says so, rather than doing nothing.
            if to == start && day != start { status = StatusLine(text: atEnd, isError: false) }
            timelineStart = to
        }
        switch command {
        case .back: screen = .account(id)
        case .scrollLeft: show(start - frame.step, atEnd: "the plan starts \(t.first.iso)")
        case .scrollRight: show(start + frame.step, atEnd: "the plan ends \(t.last.iso)")
        case .planStart: show(t.first, atEnd: "the plan starts \(t.first.iso)")
        case .planEnd: show(t.last, atEnd: "the plan ends \(t.last.iso)")
        case .today: timelineStart = frame.clamped(today - frame.daysInView / 4, in: t)
        case .cycleScale:
            // Placed afresh: the whole plan when it fits, else today a quarter of the way in.
            timelineScale = frame.scale.other
            timelineStart = nil
        default: break
        }
        return []
    }
}
