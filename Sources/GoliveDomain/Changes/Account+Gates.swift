extension Account {
    /// What keeps the current stage closed: its approvals not approved and its exit
    /// checkpoints not achieved, in words.
    public func unmetGates() -> [String] {
        var unmet: [String] = []
        if !handoffGaps.isEmpty {
            unmet.append("handoff record lacks " + handoffGaps.joined(separator: ", "))
        }
        let own = checkpoints.filter { $0.stage == stage.key }
        let ids = Set(own.map(\.id))
        for t in tasks where t.lane == .approval && t.status != .approved && t.checkpointID.map(ids.contains) == true {
            unmet.append("approval '\(t.title)' \(t.status.title)")
        }
        for c in own where !c.isAchieved {
            unmet.append("checkpoint '\(c.name)' not achieved")
        }
        return unmet
    }

    /// Whether `taskID` waits on `otherID`, directly or through the tasks it waits on.
    func waits(_ taskID: Int64, on otherID: Int64) -> Bool {
        var seen = Set<Int64>()
        var stack = task(taskID)?.dependsOn ?? []
        while let next = stack.popLast() {
            if next == otherID { return true }
            guard seen.insert(next).inserted else { continue }
            stack += task(next)?.dependsOn ?? []
        }
        return false
    }

    /// The stage a checkpoint belongs to, when the account has not reached it yet.
    public func stageAhead(of c: Checkpoint) -> Stage? {
        guard isActive, let i = stages.firstIndex(where: { $0.key == c.stage }), i > stageIndex else { return nil }
        return stages[i]
    }
}
