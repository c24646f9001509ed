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

    /// A forecast as a function of the day: `max(fixed, day + afterDay)`. Every term of the
    /// rules is a fixed day or the day plus days, and a maximum of such terms is one of them
    /// each way — so the kept facts can colour an account on any day without its tasks.
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

    /// What is known of one task or checkpoint, by its place in the account's lists: a
    /// portfolio report works out 10,000 schedules, and dictionaries by id made it half
    /// again as slow.
    struct Known {
        var forecast: Day
        var terms: Terms
        var setBy: Item?
    }

    let account: Account
    private let position: [Int64: Int]
    private var tasks: [Known?]
    private var checkpoints: [Known?]
    /// 1 while a task's forecast is being worked out: a wait back to it closes a cycle.
    private var visiting: [Bool]
    private let stageOf: [Int]
    /// The due dates as the clocks read them (`Account.clockDue`), where a finished hold
    /// moved them on; nil for an account never on hold, whose plan's own dates are read
    /// (no copy of them for the 10,000 schedules of a portfolio report).
    private let heldTaskDue: [Day]?
    private let heldCheckpointDue: [Day]?

    public init(_ account: Account, asOf today: Day) {
        self.account = account
        var position: [Int64: Int] = [:]
        position.reserveCapacity(account.tasks.count)
        for (i, t) in account.tasks.enumerated() where position[t.id] == nil { position[t.id] = i }
        self.position = position
        day = account.ruleDay(today)
        tasks = Array(repeating: nil, count: account.tasks.count)
        checkpoints = Array(repeating: nil, count: account.checkpoints.count)
        visiting = Array(repeating: false, count: account.tasks.count)
        stageOf = account.checkpoints.map { account.stageIndex(of: $0) }
        heldTaskDue = account.holds.isEmpty ? nil : account.tasks.map { account.clockDue($0.due) }
        heldCheckpointDue = account.holds.isEmpty ? nil : account.checkpoints.map { account.clockDue($0.due) }
        for i in account.tasks.indices where account.tasks[i].isOpen { _ = taskForecast(i) }
        for k in account.checkpoints.indices { _ = checkpointForecast(k) }
    }

    // MARK: - Forecasts

    func taskDue(_ i: Int) -> Day { heldTaskDue?[i] ?? account.tasks[i].due }
    func checkpointDue(_ k: Int) -> Day { heldCheckpointDue?[k] ?? account.checkpoints[k].due }

    /// `F(t) = max(due(t), D, F(d) + gap(t))` over the open tasks `d` it waits on, where
    /// `gap(t) = max(0, due(t) − max due(d))` over every task it waits on.
    private mutating func taskForecast(_ i: Int) -> Known {
        if let known = tasks[i] { return known }
        let t = account.tasks[i]
        // A wait that closes a cycle (never saved, but a file may hold one) is not followed.
        visiting[i] = true
        defer { visiting[i] = false }
        var latestDue: Day?
        for id in t.dependsOn {
            if let j = position[id], !visiting[j] {
                latestDue = max(latestDue ?? taskDue(j), taskDue(j))
            }
        }
        let due = taskDue(i)
        let gap = max(0, due - (latestDue ?? due))
        var known = Known(forecast: max(due, day), terms: Terms(fixed: due, afterDay: 0), setBy: nil)
        var best: (term: Day, due: Day, item: Item)?
        for id in t.dependsOn {
            guard let j = position[id], !visiting[j], account.tasks[j].isOpen else { continue }
            let d = taskForecast(j)
            let term = d.forecast + gap
            known.forecast = max(known.forecast, term)
            known.terms = known.terms.joined(d.terms.shifted(by: gap))
            best = Schedule.better(best, (term, taskDue(j), .task(id)))
        }
        if let best, best.term == known.forecast { known.setBy = best.item }
        tasks[i] = known
        return known
    }

    /// `own(c) = max(due(c), D, F(t))` over the open tasks leading to it, then
    /// `F(c) = max(own(c), F(p) + max(0, due(c) − due(p)))` over every checkpoint `p` not
    /// achieved of an earlier stage.
    private mutating func checkpointForecast(_ k: Int) -> Known {
        if let known = checkpoints[k] { return known }
        let c = account.checkpoints[k]
        if let on = c.achievedOn {
            let known = Known(forecast: on, terms: Terms(fixed: on, afterDay: 0), setBy: nil)
            checkpoints[k] = known
            return known
        }
        let due = checkpointDue(k)
        var known = Known(forecast: max(due, day), terms: Terms(fixed: due, afterDay: 0), setBy: nil)
        var best: (term: Day, due: Day, item: Item)?
        for i in account.tasks.indices where account.tasks[i].checkpointID == c.id && account.tasks[i].isOpen {
            let t = taskForecast(i)
            known.forecast = max(known.forecast, t.forecast)
            known.terms = known.terms.joined(t.terms)
            best = Schedule.better(best, (t.forecast, taskDue(i), .task(account.tasks[i].id)))
        }
        for q in account.checkpoints.indices where stageOf[q] < stageOf[k] && !account.checkpoints[q].isAchieved {
            let p = account.checkpoints[q]
            let gap = max(0, due - checkpointDue(q))
            let earlier = checkpointForecast(q)
            let term = earlier.forecast + gap
            known.forecast = max(known.forecast, term)
            known.terms = known.terms.joined(earlier.terms.shifted(by: gap))
            best = Schedule.better(best, (term, checkpointDue(q), .checkpoint(p.id)))
        }
        if let best, best.term == known.forecast { known.setBy = best.item }
        checkpoints[k] = known
        return known
    }

    /// Of two candidates for what set a forecast, the one that would: the larger term, then
    /// (`setter`'s order) the earlier due date, the lower id, a task before a checkpoint.
    static func better(
        _ a: (term: Day, due: Day, item: Item)?, _ b: (term: Day, due: Day, item: Item)
    ) -> (term: Day, due: Day, item: Item) {
        guard let a else { return b }
        if a.term != b.term { return a.term > b.term ? a : b }
        if a.due != b.due { return a.due < b.due ? a : b }
        if a.item.id != b.item.id { return a.item.id < b.item.id ? a : b }
        return a.item.isTask || !b.item.isTask ? a : b
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

    public func forecast(of checkpoint: Checkpoint) -> Day { known(checkpoint)?.forecast ?? checkpoint.due }

    /// A checkpoint's forecast for any day (nil for one not on this account).
    public func terms(of checkpoint: Checkpoint) -> Terms? { known(checkpoint)?.terms }

    /// An open task's forecast; a finished task has none.
    public func forecast(of task: OnboardingTask) -> Day? { position[task.id].flatMap { tasks[$0]?.forecast } }

    /// What set an item's forecast; nil for a root.
    public func setter(of item: Item) -> Item? {
        switch item {
        case .task(let id): position[id].flatMap { tasks[$0]?.setBy }
        case .checkpoint(let id): account.checkpoints.firstIndex { $0.id == id }.flatMap { checkpoints[$0]?.setBy }
        }
    }

    /// An open task's forecast for any day, by position.
    func taskTerms(_ i: Int) -> Terms? { tasks[i]?.terms }

    /// A checkpoint's forecast for any day, by position.
    func checkpointTerms(_ k: Int) -> Terms? { checkpoints[k]?.terms }

    /// Where a checkpoint (by position) comes in stage order.
    func stageIndex(_ k: Int) -> Int { stageOf[k] }

    private func known(_ c: Checkpoint) -> Known? {
        account.checkpoints.firstIndex { $0.id == c.id }.flatMap { checkpoints[$0] }
    }

    /// How many days after its due date a checkpoint is forecast to be met (0 or less: on
    /// time); the due date as the clocks read it, so days on hold are no slip.
    public func slip(of checkpoint: Checkpoint) -> Int {
        guard let k = account.checkpoints.firstIndex(where: { $0.id == checkpoint.id }) else { return 0 }
        return forecast(of: checkpoint) - checkpointDue(k)
    }

    /// The go-live checkpoint's forecast, or the target go-live where the plan has none.
    public var goLiveForecast: Day {
        guard let c = account.checkpoints.first(where: { $0.milestone == .goLive }) else { return account.targetGoLive }
        return forecast(of: c)
    }

    /// How many days the go-live is forecast after the target (as the clocks read it).
    public var goLiveSlip: Int { goLiveForecast - account.clockDue(account.targetGoLive) }

    // MARK: - Critical path and court

    /// From `item` to its root, following what set each forecast.
    public func criticalPath(from item: Item) -> [Item] {
        var path = [item]
        var seen: Set<Item> = [item]
        while let next = setter(of: path[path.count - 1]), seen.insert(next).inserted { path.append(next) }
        return path
    }

    /// The first checkpoint not achieved, in stage order (then due date, then id), that is
    /// past due or slipping: the one whose critical path says whose move it is.
    public var firstSlipping: Checkpoint? {
        let slipping = account.checkpoints.indices.filter {
            !account.checkpoints[$0].isAchieved
                && (checkpoints[$0]?.forecast ?? .init(ordinal: 0)) > checkpointDue($0)
        }
        return slipping.min { a, b in
            let (x, y) = (account.checkpoints[a], account.checkpoints[b])
            return (stageOf[a], checkpointDue(a), x.id) < (stageOf[b], checkpointDue(b), y.id)
        }.map { account.checkpoints[$0] }
    }

    /// Whose court the ball is in, and the item at the root of it (nil: nothing is late or
    /// slipping, and the next move is ours).
    public var ballInCourt: (court: Court, root: Item?) {
        guard let first = firstSlipping, let root = criticalPath(from: .checkpoint(first.id)).last else {
            return (.ours, nil)
        }
        return (court(ofRoot: root), root)
    }

    /// Whose move it is when `root` is what holds up the first checkpoint that slips.
    func court(ofRoot root: Item) -> Court {
        switch root {
        case .task(let id):
            guard let t = position[id].map({ account.tasks[$0] }) else { return .ours }
            return Schedule.court(of: t)
        case .checkpoint(let id):
            guard let c = account.checkpoints.first(where: { $0.id == id }) else { return .ours }
            let waitsOnlyForConfirmation = !account.tasks.contains { $0.checkpointID == id && $0.isOpen }
            return waitsOnlyForConfirmation && c.customerConfirms ? .customer : .ours
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
