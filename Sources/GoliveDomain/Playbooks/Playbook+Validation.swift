extension Playbook {
    /// Where in the file a problem is: a path of keys and indices, which the file loader
    /// turns into a line number.
    public enum PathElement: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var path: [PathElement]
        public var reason: String
        public var description: String { reason }
    }

    /// Every rule a playbook must satisfy beyond its shape: unique keys, known stages,
    /// checkpoints and dependencies, no dependency cycle, SLAs and offsets not negative.
    public func problems() -> [Problem] {
        var out: [Problem] = []
        func add(_ path: [PathElement], _ reason: String) { out.append(Problem(path: path, reason: reason)) }
        if stages.isEmpty { add([.key("stages")], "a playbook needs at least one stage") }
        var stageKeys = Set<String>()
        for (i, s) in stages.enumerated() {
            if !stageKeys.insert(s.key).inserted {
                add([.key("stages"), .index(i), .key("key")], "duplicate stage '\(s.key)'")
            }
            for seg in Segment.allCases {
                guard let d = s.sla[seg] else {
                    add([.key("stages"), .index(i), .key("sla")], "stage '\(s.key)' has no SLA for \(seg.rawValue)")
                    continue
                }
                if d < 0 {
                    add(
                        [.key("stages"), .index(i), .key("sla"), .key(seg.rawValue)],
                        "negative SLA (\(d) days) for stage '\(s.key)'")
                }
            }
        }
        var checkpointKeys = Set<String>()
        for (i, c) in checkpoints.enumerated() {
            if !checkpointKeys.insert(c.key).inserted {
                add([.key("checkpoints"), .index(i), .key("key")], "duplicate checkpoint '\(c.key)'")
            }
            if !stageKeys.contains(c.stage) {
                add([.key("checkpoints"), .index(i), .key("stage")], "unknown stage '\(c.stage)'")
            }
            if c.dueOffset < 0 {
                add(
                    [.key("checkpoints"), .index(i), .key("due")],
                    "negative due offset (\(c.dueOffset)) for checkpoint '\(c.key)'")
            }
        }
        // A plan is never out of order, the one a playbook lays out first included.
        let stageIndex = Dictionary(stages.enumerated().map { ($1.key, $0) }) { a, _ in a }
        for (j, later) in checkpoints.enumerated() {
            guard let sl = stageIndex[later.stage] else { continue }
            if let earlier = checkpoints.first(where: { c in
                stageIndex[c.stage].map { $0 < sl } == true && c.dueOffset > later.dueOffset
            }) {
                add(
                    [.key("checkpoints"), .index(j), .key("due")],
                    "checkpoint '\(later.key)' (day \(later.dueOffset)) is due before '\(earlier.key)' "
                        + "(day \(earlier.dueOffset)), of an earlier stage")
            }
        }
        for m in Milestone.allCases where checkpoints.filter({ $0.milestone == m }).count > 1 {
            add([.key("checkpoints")], "more than one checkpoint is the \(m.rawValue) milestone")
        }
        var taskKeys = Set<String>()
        for (i, t) in tasks.enumerated() {
            if !taskKeys.insert(t.key).inserted {
                add([.key("tasks"), .index(i), .key("key")], "duplicate task '\(t.key)'")
            }
            if !checkpointKeys.contains(t.checkpoint) {
                add([.key("tasks"), .index(i), .key("checkpoint")], "unknown checkpoint '\(t.checkpoint)'")
            }
            if t.dueOffset < 0 {
                add(
                    [.key("tasks"), .index(i), .key("due")], "negative due offset (\(t.dueOffset)) for task '\(t.key)'")
            }
        }
        let allTasks = Set(tasks.map(\.key))
        for (i, t) in tasks.enumerated() {
            for (j, d) in t.dependsOn.enumerated() where !allTasks.contains(d) {
                add(
                    [.key("tasks"), .index(i), .key("depends_on"), .index(j)],
                    "task '\(t.key)' depends on unknown task '\(d)'")
            }
        }
        if let cycle = dependencyCycle(), let i = tasks.firstIndex(where: { $0.key == cycle[0] }) {
            add(
                [.key("tasks"), .index(i), .key("depends_on")],
                "dependency cycle: " + (cycle + [cycle[0]]).joined(separator: " → "))
        }
        for (i, t) in touchpoints.enumerated() where t.day < 0 {
            add([.key("touchpoints"), .index(i), .key("day")], "negative day offset (\(t.day)) for a touchpoint")
        }
        return out
    }

    /// One cycle among task dependencies, as task keys in order, if there is any.
    public func dependencyCycle() -> [String]? {
        let deps = Dictionary(tasks.map { ($0.key, $0.dependsOn) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ k: String) -> [String]? {
            if state[k] == 2 { return nil }
            if state[k] == 1, let start = stack.firstIndex(of: k) { return Array(stack[start...]) }
            state[k] = 1
            stack.append(k)
            for d in deps[k] ?? [] where deps[d] != nil {
                if let c = visit(d) { return c }
            }
            stack.removeLast()
            state[k] = 2
            return nil
        }
        for t in tasks { if let c = visit(t.key) { return c } }
        return nil
    }
}
