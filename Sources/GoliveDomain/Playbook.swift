/// A reusable onboarding template (PRODUCT.md "Playbook"). Offsets are days from the
/// contract-signed date; applying a playbook turns them into real dates.
public struct Playbook: Hashable, Sendable {
    public struct StageTemplate: Hashable, Sendable {
        public var key: String
        public var name: String
        public var sla: [Segment: Int]
        public init(key: String, name: String, sla: [Segment: Int]) {
            self.key = key
            self.name = name
            self.sla = sla
        }
    }
    public struct CheckpointTemplate: Hashable, Sendable {
        public var key: String
        public var name: String
        public var stage: String
        public var dueOffset: Int
        public var customerConfirms: Bool
        public var milestone: Milestone?
        public init(
            key: String, name: String, stage: String, dueOffset: Int, customerConfirms: Bool = false,
            milestone: Milestone? = nil
        ) {
            self.key = key
            self.name = name
            self.stage = stage
            self.dueOffset = dueOffset
            self.customerConfirms = customerConfirms
            self.milestone = milestone
        }
    }
    public struct TaskTemplate: Hashable, Sendable {
        public var key: String
        public var title: String
        public var lane: Lane
        public var ownerRole: String
        public var dueOffset: Int
        public var checkpoint: String
        public var dependsOn: [String]
        public init(
            key: String, title: String, lane: Lane, ownerRole: String, dueOffset: Int, checkpoint: String,
            dependsOn: [String] = []
        ) {
            self.key = key
            self.title = title
            self.lane = lane
            self.ownerRole = ownerRole
            self.dueOffset = dueOffset
            self.checkpoint = checkpoint
            self.dependsOn = dependsOn
        }
    }
    public struct TouchpointTemplate: Hashable, Sendable {
        public var day: Int
        public var audience: String
        public var channel: String
        public var objective: String
        public init(day: Int, audience: String, channel: String, objective: String) {
            self.day = day
            self.audience = audience
            self.channel = channel
            self.objective = objective
        }
    }

    public var name: String
    public var title: String
    public var summary: String
    public var thresholds: Thresholds
    public var stages: [StageTemplate]
    public var checkpoints: [CheckpointTemplate]
    public var tasks: [TaskTemplate]
    public var touchpoints: [TouchpointTemplate]

    public init(
        name: String, title: String, summary: String = "", thresholds: Thresholds = Thresholds(),
        stages: [StageTemplate], checkpoints: [CheckpointTemplate], tasks: [TaskTemplate],
        touchpoints: [TouchpointTemplate] = []
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.thresholds = thresholds
        self.stages = stages
        self.checkpoints = checkpoints
        self.tasks = tasks
        self.touchpoints = touchpoints
    }

    /// The internal roles a playbook may name; anything else is a customer contact's role.
    public static let internalRoles: Set<String> = [
        "csm", "sales", "implementation", "solutions_engineer", "support", "cs_lead", "security_team", "trainer",
    ]

    // MARK: Validation

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

    // MARK: Applying

    /// A new account on this playbook: its stages with the segment's SLAs, checkpoints,
    /// tasks and touchpoints with real dates. Ids are taken from `nextID` upwards.
    /// The go-live checkpoint is due on the target go-live date when one is given.
    public func apply(to info: AccountInfo, nextID: inout Int64) -> Account {
        func take() -> Int64 {
            defer { nextID += 1 }
            return nextID
        }
        let start = info.contractSigned
        let accountID = take()
        let goLiveOffset = checkpoints.first { $0.milestone == .goLive }?.dueOffset
        let target =
            info.targetGoLive ?? start + (goLiveOffset ?? stages.reduce(0) { $0 + ($1.sla[info.segment] ?? 0) })
        var stageList = stages.map { Stage(key: $0.key, name: $0.name, slaDays: $0.sla[info.segment] ?? 0) }
        stageList[0].enteredOn = start
        var checkpointIDs: [String: Int64] = [:]
        let cps = checkpoints.map { c -> Checkpoint in
            let id = take()
            checkpointIDs[c.key] = id
            let due = c.milestone == .goLive ? target : start + c.dueOffset
            return Checkpoint(
                id: id, key: c.key, name: c.name, stage: c.stage, due: due,
                customerConfirms: c.customerConfirms, milestone: c.milestone)
        }
        var taskIDs: [String: Int64] = [:]
        let ids = tasks.map { t in
            let id = take()
            taskIDs[t.key] = id
            return id
        }
        let ts = zip(tasks, ids).map { t, id in
            OnboardingTask(
                id: id, title: t.title, lane: t.lane,
                owner: Playbook.owner(role: t.ownerRole, lane: t.lane, info: info),
                due: start + t.dueOffset, statusSince: start,
                checkpointID: checkpointIDs[t.checkpoint], dependsOn: t.dependsOn.compactMap { taskIDs[$0] })
        }
        let tps = touchpoints.map {
            Touchpoint(
                id: take(), on: start + $0.day, audience: $0.audience, channel: $0.channel, objective: $0.objective)
        }
        return Account(
            id: accountID, name: info.name, segment: info.segment, arr: info.arr, csm: info.csm,
            salesOwner: info.salesOwner, contractSigned: start, targetGoLive: target, playbook: name,
            handoff: info.handoff, lastActivity: start, thresholds: thresholds, stages: stageList,
            checkpoints: cps, tasks: ts, touchpoints: tps)
    }

    /// The person behind a role on one account: the CSM and sales owner by name, a customer
    /// stakeholder named in the handoff record, else a readable team or contact label.
    public static func owner(role: String, lane: Lane, info: AccountInfo) -> String {
        switch role {
        case "csm": return info.csm
        case "sales": return info.salesOwner
        default:
            if let s = info.handoff.stakeholders.first(where: { $0.role == role }) { return s.name }
            let words = role.split(separator: "_").map {
                $0.count <= 3 && $0 != "lead" ? $0.uppercased() : $0.capitalized
            }.joined(separator: " ")
            return internalRoles.contains(role) ? words : "\(info.name) \(words)"
        }
    }
}

/// What an account is before a playbook is applied: the fields of a CRM export.
public struct AccountInfo: Hashable, Sendable {
    public var name: String
    public var segment: Segment
    public var arr: Int
    public var csm: String
    public var salesOwner: String
    public var contractSigned: Day
    public var targetGoLive: Day?
    public var handoff: Handoff

    public init(
        name: String, segment: Segment, arr: Int, csm: String, salesOwner: String = "",
        contractSigned: Day, targetGoLive: Day? = nil, handoff: Handoff = Handoff()
    ) {
        self.name = name
        self.segment = segment
        self.arr = arr
        self.csm = csm
        self.salesOwner = salesOwner
        self.contractSigned = contractSigned
        self.targetGoLive = targetGoLive
        self.handoff = handoff
    }
}
