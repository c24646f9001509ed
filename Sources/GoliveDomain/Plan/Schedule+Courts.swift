extension Schedule {
    /// Whose court the ball is in on every day, worked out from this schedule's forecast
    /// terms rather than by a schedule per day. Every forecast is `max(fixed, D + after)`,
    /// and what sets one (a term equal to it) or whether a checkpoint slips changes only
    /// where some item's terms change regime (`fixed − after` and the day after) or where
    /// a checkpoint's forecast passes its due date: between those days the court stands, so
    /// it is asked once on each.
    public func courtsByDay() -> BallInCourt {
        let graph = Graph(self)
        var days: Set<Int> = []
        for k in account.checkpoints.indices where !account.checkpoints[k].isAchieved {
            guard let t = checkpointTerms(k) else { continue }
            let kink = t.fixed.ordinal - t.afterDay
            days.formUnion([kink, kink + 1, checkpointDue(k).ordinal - t.afterDay + 1])
        }
        for i in account.tasks.indices {
            guard let t = taskTerms(i) else { continue }
            let kink = t.fixed.ordinal - t.afterDay
            days.formUnion([kink, kink + 1])
        }
        let sorted = days.sorted()
        guard let earliest = sorted.first else { return BallInCourt(first: .ours) }
        let first = court(on: Day(ordinal: earliest - 1), graph)
        var out = BallInCourt(first: first)
        var last = first
        for d in sorted {
            let court = court(on: Day(ordinal: d), graph)
            if court != last { out.changes.append(.init(from: Day(ordinal: d), court: court)) }
            last = court
        }
        return out
    }

    /// The waits that set forecasts, by position, as `Schedule.init` follows them.
    struct Graph {
        /// Per task: the open tasks it waits on and its gap after them.
        var waits: [[Int]]
        var gap: [Int]
        /// Per checkpoint: the open tasks leading to it.
        var leading: [[Int]]

        init(_ schedule: Schedule) {
            let account = schedule.account
            var position: [Int64: Int] = [:]
            for (i, t) in account.tasks.enumerated() where position[t.id] == nil { position[t.id] = i }
            waits = Array(repeating: [], count: account.tasks.count)
            gap = Array(repeating: 0, count: account.tasks.count)
            leading = Array(repeating: [], count: account.checkpoints.count)
            var checkpoint: [Int64: Int] = [:]
            for (k, c) in account.checkpoints.enumerated() where checkpoint[c.id] == nil { checkpoint[c.id] = k }
            for (i, t) in account.tasks.enumerated() where t.isOpen {
                if let k = t.checkpointID.flatMap({ checkpoint[$0] }) { leading[k].append(i) }
                var latestDue: Day?
                for id in t.dependsOn {
                    guard let j = position[id], j != i else { continue }
                    latestDue = max(latestDue ?? schedule.taskDue(j), schedule.taskDue(j))
                    if account.tasks[j].isOpen { waits[i].append(j) }
                }
                let due = schedule.taskDue(i)
                gap[i] = max(0, due - (latestDue ?? due))
            }
        }
    }

    /// `ballInCourt`'s answer on `day`, from the terms.
    func court(on day: Day, _ graph: Graph) -> Court {
        let slipping = account.checkpoints.indices.filter { k in
            !account.checkpoints[k].isAchieved
                && (checkpointTerms(k)?.on(day) ?? checkpointDue(k)) > checkpointDue(k)
        }
        guard
            let first = slipping.min(by: { a, b in
                let (x, y) = (account.checkpoints[a], account.checkpoints[b])
                return (stageIndex(a), checkpointDue(a), x.id) < (stageIndex(b), checkpointDue(b), y.id)
            })
        else { return .ours }
        var item = Item.checkpoint(account.checkpoints[first].id)
        var at = (isTask: false, index: first)
        var seen: Set<Item> = [item]
        while let next = setter(at, on: day, graph), seen.insert(next.item).inserted {
            item = next.item
            at = next.at
        }
        return court(ofRoot: item)
    }

    /// What set an item's forecast on `day`, with `better`'s rule, and where it is.
    private func setter(
        _ at: (isTask: Bool, index: Int), on day: Day, _ graph: Graph
    ) -> (item: Item, at: (isTask: Bool, index: Int))? {
        var best: (term: Day, due: Day, item: Item)?
        var found: [Item: (isTask: Bool, index: Int)] = [:]
        let forecast: Day
        if at.isTask {
            guard let t = taskTerms(at.index) else { return nil }
            forecast = t.on(day)
            for j in graph.waits[at.index] {
                guard let d = taskTerms(j) else { continue }
                let item = Item.task(account.tasks[j].id)
                best = Schedule.better(best, (d.on(day) + graph.gap[at.index], taskDue(j), item))
                found[item] = (true, j)
            }
        } else {
            let c = account.checkpoints[at.index]
            guard !c.isAchieved, let t = checkpointTerms(at.index) else { return nil }
            forecast = t.on(day)
            for i in graph.leading[at.index] {
                guard let d = taskTerms(i) else { continue }
                let item = Item.task(account.tasks[i].id)
                best = Schedule.better(best, (d.on(day), taskDue(i), item))
                found[item] = (true, i)
            }
            for q in account.checkpoints.indices
            where stageIndex(q) < stageIndex(at.index) && !account.checkpoints[q].isAchieved {
                guard let d = checkpointTerms(q) else { continue }
                let item = Item.checkpoint(account.checkpoints[q].id)
                let gap = max(0, checkpointDue(at.index) - checkpointDue(q))
                best = Schedule.better(best, (d.on(day) + gap, checkpointDue(q), item))
                found[item] = (false, q)
            }
        }
        guard let best, best.term == forecast, let at = found[best.item] else { return nil }
        return (best.item, at)
    }
}
