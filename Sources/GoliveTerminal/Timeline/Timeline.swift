import GoliveDomain

/// An account's plan as the timeline draws it, from its schedule (PRODUCT.md, "Forecast,
/// critical path and whose court"): every checkpoint, then the open tasks of each lane, each
/// a bar with its due date, its forecast, its first plan where it moved, and whether it is
/// on the critical path to the go-live.
struct Timeline: Sendable {
    /// One row of the chart: a checkpoint, an open task, or the target go-live of a plan
    /// without a go-live checkpoint.
    struct Bar: Sendable {
        enum Subject: Sendable {
            case checkpoint(Checkpoint, CheckpointState)
            case task(OnboardingTask)
            case target
        }

        var subject: Subject
        /// The schedule's name for it (nil for the target go-live). Kept, not switched on
        /// from `subject` in `Timeline.init`: the release compiler's ownership check failed
        /// on that (Swift 6.3.1, signal 6).
        var item: Schedule.Item?
        /// The first day of its planned work: the day after the work it waits on is due (the
        /// time the plan gives it after them); its due date when it waits on nothing.
        var start: Day
        var due: Day
        /// When it will really be done; an achieved checkpoint's, the day it was achieved.
        var forecast: Day
        /// The first plan's date, where the date moved since.
        var baseline: Day?
        /// On the path of what sets the go-live forecast.
        var critical: Bool

        var isAchieved: Bool {
            if case .checkpoint(let c, _) = subject { return c.isAchieved }
            return false
        }

        /// A task is a bar over its days; a checkpoint and the target go-live are marks.
        var isTask: Bool {
            if case .task = subject { return true }
            return false
        }

        /// Days it is forecast after its due date (0: on time).
        var slip: Int { isAchieved ? 0 : max(0, forecast - due) }
    }

    /// The checkpoints, or one lane's open tasks.
    struct Group: Sendable {
        var title: String
        /// Nil for the checkpoints.
        var lane: Lane?
        var bars: [Bar]
    }

    let groups: [Group]
    /// Every bar in the order drawn: what the selection moves through.
    let bars: [Bar]
    /// The first and the last day the plan touches (today among them).
    let first: Day
    let last: Day
    let goLiveForecast: Day
    /// The go-live checkpoint's day once achieved.
    let liveSince: Day?
    /// The root of the go-live's critical path: where the slip starts.
    let root: Int?
    /// What the critical path leads to: the go-live, or once it is achieved the last
    /// checkpoint still ahead.
    let pathTo: String

    init(_ a: Account, asOf today: Day) {
        let plan = a.schedule(asOf: today)
        let goLive = a.checkpoints.first { $0.milestone == .goLive }
        // The path of what sets the go-live forecast; once it is achieved, that of the
        // last checkpoint still ahead.
        let end = goLive.flatMap { $0.isAchieved ? nil : $0 } ?? a.checkpoints.last { !$0.isAchieved }
        let path = end.map { plan.criticalPath(from: .checkpoint($0.id)) } ?? []
        pathTo = end.map { $0.milestone == .goLive ? "the go-live" : $0.name } ?? "the go-live"
        let critical = Set(path)
        var checkpoints = a.status(asOf: today).checkpoints.map { cs in
            let c = cs.checkpoint
            let baseline = c.milestone == .goLive ? a.goLiveBaseline : c.replan?.baseline
            return Bar(
                subject: .checkpoint(c, cs.state), item: .checkpoint(c.id), start: c.due, due: c.due,
                forecast: plan.forecast(of: c),
                baseline: baseline == c.due ? nil : baseline, critical: critical.contains(.checkpoint(c.id)))
        }
        if goLive == nil {
            checkpoints.append(
                Bar(
                    subject: .target, item: nil, start: a.targetGoLive, due: a.targetGoLive,
                    forecast: plan.goLiveForecast,
                    baseline: a.goLiveBaseline == a.targetGoLive ? nil : a.goLiveBaseline, critical: false))
        }
        var groups = [Group(title: "Checkpoints", lane: nil, bars: checkpoints)]
        for lane in Lane.allCases {
            let open = a.tasks.filter { $0.lane == lane && $0.isOpen }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            let bars = open.map { t in
                let after = t.dependsOn.compactMap { a.task($0)?.due }.max()
                return Bar(
                    subject: .task(t), item: .task(t.id), start: after.map { min(t.due, $0 + 1) } ?? t.due, due: t.due,
                    forecast: plan.forecast(of: t) ?? t.due, baseline: nil, critical: critical.contains(.task(t.id)))
            }
            groups.append(Group(title: lane.title, lane: lane, bars: bars))
        }
        self.groups = groups
        bars = groups.flatMap(\.bars)
        let days = bars.flatMap { [$0.start, $0.due, $0.forecast, $0.baseline ?? $0.due] } + [today]
        first = days.min() ?? today
        last = days.max() ?? today
        goLiveForecast = plan.goLiveForecast
        liveSince = goLive?.achievedOn
        root = path.count > 1 ? bars.firstIndex { $0.item == path[path.count - 1] } : nil
    }
}

extension Timeline {
    /// The groups' titles and their bars, one a line.
    var lineCount: Int { groups.count + bars.count }

    /// Bar `k`'s line, and whether it is the first of its group (its title just above it).
    func line(of k: Int) -> (line: Int, firstOfGroup: Bool) {
        var before = 0
        for (g, group) in groups.enumerated() {
            if k < before + group.bars.count { return (k + g + 1, k == before) }
            before += group.bars.count
        }
        return (k + groups.count, false)
    }

    /// The first line in view, moved from `top` as little as needed for bar `k` to be in view
    /// on `height` lines — with its group's title when it is the group's first.
    func top(from top: Int, showing k: Int, height: Int) -> Int {
        let (line, firstOfGroup) = line(of: k)
        var first = max(0, min(top, lineCount - height))
        if line < first { first = line }
        if line >= first + height { first = line - height + 1 }
        if firstOfGroup && line == first && first > 0 { first -= 1 }
        return first
    }
}
