/// The plan as a schedule (PRODUCT.md, "Forecast, critical path and whose court"): when
/// each open task and each checkpoint will really be done, given the dependencies, the
/// stage order and today; what set each forecast (the critical path); and whose court the
/// ball is in. The one place these are computed.
public struct Schedule: Sendable {
    /// A task or a checkpoint, by id.
    public enum Item: Hashable, Sendable {
        case task(Int64)
        case checkpoint(Int64)
    }

    /// The day the forecasts start from: today, or the first day of a hold (the forecast
    /// stands as it was that day).
    public let day: Day
    /// The forecast of every open task.
    public private(set) var taskForecasts: [Int64: Day] = [:]
    /// The forecast of every checkpoint (an achieved one's: the day it was achieved).
    public private(set) var checkpointForecasts: [Int64: Day] = [:]
    /// What set each item's forecast; an item missing here is a root.
    public private(set) var setBy: [Item: Item] = [:]
    /// Each open checkpoint's forecast for any day `D`: `max(fixed, D + afterDay)`. Every
    /// term of the rules is a fixed day or `D` plus days, and a maximum of such terms is one
    /// of them each way — so the kept facts can colour an account on any day without its tasks.
    public private(set) var checkpointTerms: [Int64: Terms] = [:]
    private var taskTerms: [Int64: Terms] = [:]

    /// A forecast as a function of the day: `max(fixed, day + afterDay)`.
    public struct Terms: Hashable, Sendable {
        public var fixed: Day
        public var afterDay: Int

        public init(fixed: Day, afterDay: Int) {
            self.fixed = fixed
            self.afterDay = afterDay
        }

        public func on(_ day: Day) -> Day { max(fixed, day + afterDay) }

        func shifted(by days: Int) -> Terms { Terms(fixed: fixed + days, afterDay: afterDay + days) }

        func joined(_ other: Terms) -> Terms {
            Terms(fixed: max(fixed, other.fixed), afterDay: max(afterDay, other.afterDay))
        }
    }

    private let account: Account

    public init(_ account: Account, asOf today: Day) {
        self.account = account
        day = account.currentHold.map { min(today, $0.from) } ?? today
        var visiting = Set<Int64>()
        for t in account.tasks where t.isOpen { _ = taskForecast(t.id, &visiting) }
        for c in account.checkpoints { _ = checkpointForecast(c) }
    }

    // MARK: - Forecasts

    /// `F(t) = max(due(t), D, F(d) + gap(t))` over the open tasks `d` it waits on, where
    /// `gap(t) = max(0, due(t) − max due(d))` over every task it waits on.
    private mutating func taskForecast(_ id: Int64, _ visiting: inout Set<Int64>) -> Day {
        if let known = taskForecasts[id] { return known }
        guard let t = account.task(id) else { return day }
        // A wait that closes a cycle (never saved, but a file may hold one) is not followed.
        visiting.insert(id)
        defer { visiting.remove(id) }
        let waitedOn = t.dependsOn.compactMap { account.task($0) }.filter { !visiting.contains($0.id) }
        let gap = max(0, t.due - (waitedOn.map(\.due).max() ?? t.due))
        var forecast = max(t.due, day)
        var pair = Terms(fixed: t.due, afterDay: 0)
        var terms: [(Item, Day, Day)] = []
        for d in waitedOn where d.isOpen {
            let term = taskForecast(d.id, &visiting) + gap
            terms.append((.task(d.id), term, d.due))
            forecast = max(forecast, term)
            pair = pair.joined((taskTerms[d.id] ?? Terms(fixed: d.due, afterDay: 0)).shifted(by: gap))
        }
        taskForecasts[id] = forecast
        taskTerms[id] = pair
        if let by = Schedule.setter(of: forecast, among: terms) { setBy[.task(id)] = by }
        return forecast
    }

    /// `own(c) = max(due(c), D, F(t))` over the open tasks leading to it, then
    /// `F(c) = max(own(c), F(p) + max(0, due(c) − due(p)))` over every checkpoint `p` not
    /// achieved of an earlier stage.
    private mutating func checkpointForecast(_ c: Checkpoint) -> Day {
        if let known = checkpointForecasts[c.id] { return known }
        if let on = c.achievedOn {
            checkpointForecasts[c.id] = on
            return on
        }
        var forecast = max(c.due, day)
        var pair = Terms(fixed: c.due, afterDay: 0)
        var terms: [(Item, Day, Day)] = []
        var visiting = Set<Int64>()
        for t in account.tasks where t.checkpointID == c.id && t.isOpen {
            let term = taskForecast(t.id, &visiting)
            terms.append((.task(t.id), term, t.due))
            forecast = max(forecast, term)
            pair = pair.joined(taskTerms[t.id] ?? Terms(fixed: t.due, afterDay: 0))
        }
        let stage = account.stageIndex(of: c)
        for p in account.checkpoints where !p.isAchieved && account.stageIndex(of: p) < stage {
            let gap = max(0, c.due - p.due)
            let term = checkpointForecast(p) + gap
            terms.append((.checkpoint(p.id), term, p.due))
            forecast = max(forecast, term)
            pair = pair.joined((checkpointTerms[p.id] ?? Terms(fixed: p.due, afterDay: 0)).shifted(by: gap))
        }
        checkpointForecasts[c.id] = forecast
        checkpointTerms[c.id] = pair
        if let by = Schedule.setter(of: forecast, among: terms) { setBy[.checkpoint(c.id)] = by }
        return forecast
    }

    /// Among the terms from other items, the one equal to the forecast: the earliest due
    /// date, then the lower id, a task before a checkpoint on a full tie. None: a root.
    public static func setter(of forecast: Day, among terms: [(item: Item, term: Day, due: Day)]) -> Item? {
        terms.filter { $0.term == forecast }.min { a, b in
            if a.due != b.due { return a.due < b.due }
            if a.item.id != b.item.id { return a.item.id < b.item.id }
            return a.item.isTask && !b.item.isTask
        }?.item
    }

    public func forecast(of checkpoint: Checkpoint) -> Day { checkpointForecasts[checkpoint.id] ?? checkpoint.due }

    /// An open task's forecast; a finished task has none.
    public func forecast(of task: OnboardingTask) -> Day? { taskForecasts[task.id] }

    /// How many days after its due date a checkpoint is forecast to be met (0 or less: on time).
    public func slip(of checkpoint: Checkpoint) -> Int { forecast(of: checkpoint) - checkpoint.due }

    /// The go-live checkpoint's forecast, or the target go-live where the plan has none.
    public var goLiveForecast: Day {
        guard let c = account.checkpoints.first(where: { $0.milestone == .goLive }) else { return account.targetGoLive }
        return forecast(of: c)
    }

    /// How many days the go-live is forecast after the target.
    public var goLiveSlip: Int { goLiveForecast - account.targetGoLive }

    // MARK: - Critical path and court

    /// From `item` to its root, following what set each forecast.
    public func criticalPath(from item: Item) -> [Item] {
        var path = [item]
        var seen: Set<Item> = [item]
        while let next = setBy[path[path.count - 1]], seen.insert(next).inserted { path.append(next) }
        return path
    }

    /// The first checkpoint not achieved, in stage order (then due date, then id), that is
    /// past due or slipping: the one whose critical path says whose move it is.
    public var firstSlipping: Checkpoint? {
        account.checkpoints.filter { !$0.isAchieved && slip(of: $0) > 0 }.min { a, b in
            (account.stageIndex(of: a), a.due, a.id) < (account.stageIndex(of: b), b.due, b.id)
        }
    }

    /// Whose court the ball is in, and the item at the root of it (nil: nothing is late or
    /// slipping, and the next move is ours).
    public var ballInCourt: (court: Court, root: Item?) {
        guard let first = firstSlipping, let root = criticalPath(from: .checkpoint(first.id)).last else {
            return (.ours, nil)
        }
        switch root {
        case .task(let id):
            guard let t = account.task(id) else { return (.ours, root) }
            return (Schedule.court(of: t), root)
        case .checkpoint(let id):
            guard let c = account.checkpoints.first(where: { $0.id == id }) else { return (.ours, root) }
            let waitsOnlyForConfirmation = !account.tasks.contains { $0.checkpointID == id && $0.isOpen }
            return (waitsOnlyForConfirmation && c.customerConfirms ? .customer : .ours, root)
        }
    }

    /// Whose move an open task is: an approval pending is the approver's, a rejected one
    /// ours; otherwise the lane's (blocked work stays with whoever does it).
    static func court(of task: OnboardingTask) -> Court {
        switch (task.lane, task.status) {
        case (.approval, .rejected): .ours
        case (.approval, _): .approver
        case (.customer, _): .customer
        case (.internal, _): .ours
        }
    }
}

extension Schedule.Item {
    var isTask: Bool {
        if case .task = self { return true }
        return false
    }

    var id: Int64 {
        switch self {
        case .task(let id), .checkpoint(let id): id
        }
    }
}

extension Account {
    /// Where a checkpoint's stage comes in the plan (past the last stage: one unknown).
    func stageIndex(of checkpoint: Checkpoint) -> Int {
        stages.firstIndex { $0.key == checkpoint.stage } ?? stages.count
    }

    /// The plan as a schedule as of `today`.
    public func schedule(asOf today: Day) -> Schedule { Schedule(self, asOf: today) }
}
