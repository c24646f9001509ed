import GoliveDomain

extension AppState {
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
            // The day in the middle of the chart stays in the middle.
            let middle = start + frame.daysInView / 2
            timelineScale = frame.scale.other
            let next = TimelineFrame(t, width: width, scale: timelineScale)
            timelineStart = next.clamped(middle - next.daysInView / 2, in: t)
        default: break
        }
        return []
    }
}
