extension Playbook {
    /// The internal roles a playbook may name; anything else is a customer contact's role.
    public static let internalRoles: Set<String> = [
        "csm", "sales", "implementation", "solutions_engineer", "support", "cs_lead", "security_team", "trainer",
    ]

    /// A new account on this playbook: its stages with the segment's SLAs, checkpoints,
    /// tasks and touchpoints with real dates. Ids are taken from `nextID` upwards.
    /// The go-live checkpoint is due on the target go-live date when one is given, and the
    /// plan stays in stage order as a move of the go-live would keep it
    /// (`Account.movingCheckpoint`): a checkpoint of a later stage the target would put
    /// before it keeps its days after it, one of an earlier stage it would put after it is
    /// due on the target.
    public func apply(to info: AccountInfo, nextID: inout Int64) -> Account {
        func take() -> Int64 {
            defer { nextID += 1 }
            return nextID
        }
        let start = max(info.contractSigned, info.planStart ?? info.contractSigned)
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
            return Checkpoint(
                id: id, key: c.key, name: c.name, stage: c.stage, due: start + c.dueOffset,
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
        var a = Account(
            id: accountID, name: info.name, segment: info.segment, arr: info.arr, csm: info.csm,
            salesOwner: info.salesOwner, contractSigned: info.contractSigned, targetGoLive: target, playbook: name,
            handoff: info.handoff, lastActivity: start, thresholds: thresholds, stages: stageList,
            checkpoints: cps, tasks: ts, touchpoints: tps)
        // The first plan: the dates are set, not moved (no baseline, no move counted).
        if let live = a.checkpoints.firstIndex(where: { $0.milestone == .goLive }) {
            for p in a.movingCheckpoint(a.checkpoints[live].id, to: target).checkpoints {
                guard let k = a.checkpoints.firstIndex(where: { $0.id == p.id }) else { continue }
                a.checkpoints[k].due = p.to
            }
            a.checkpoints[live].due = target
        }
        return a
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
