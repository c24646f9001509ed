import Foundation

extension Account {
    /// This account as it was before the change whose `prior` is given, or nil when that
    /// change created it. Rows the change did not touch stay as they are: rewinding the
    /// changes after a day, newest first, gives the account as it stood at that day's end.
    public func rewound(by prior: Prior) throws -> Account? {
        if prior.created { return nil }
        var a = self
        if !prior.fields.isEmpty { a = try a.replacingFields(prior.fields) }
        if let day = prior.lastActivity { a.lastActivity = day }
        a.tasks = Account.rewound(a.tasks, prior.tasks, removing: prior.addedTasks)
        a.checkpoints = Account.rewound(a.checkpoints, prior.checkpoints, removing: prior.addedCheckpoints)
        a.touchpoints = Account.rewound(a.touchpoints, prior.touchpoints, removing: prior.addedTouchpoints)
        return a
    }

    /// Rewound through `priors`, newest first; nil when one of them created the account.
    /// The same as rewinding by each in turn, with the account's own fields put back in one
    /// pass (the oldest prior of a field wins, as it would last): a week back at 10,000
    /// accounts is thousands of priors, and each pass goes through JSON.
    public func rewound(through priors: [Prior]) throws -> Account? {
        if priors.contains(where: \.created) { return nil }
        var fields: [String: String] = [:]
        for p in priors { fields.merge(p.fields) { _, older in older } }
        var a = fields.isEmpty ? self : try replacingFields(fields)
        if let day = priors.last(where: { $0.lastActivity != nil })?.lastActivity { a.lastActivity = day }
        // Each row's oldest word wins, as it would rewinding one prior at a time: the rows
        // are sorted once, not once per prior (eleven a week per account at 10,000).
        a.tasks = Account.rewound(a.tasks, through: priors.map { ($0.tasks, $0.addedTasks) })
        a.checkpoints = Account.rewound(a.checkpoints, through: priors.map { ($0.checkpoints, $0.addedCheckpoints) })
        a.touchpoints = Account.rewound(a.touchpoints, through: priors.map { ($0.touchpoints, $0.addedTouchpoints) })
        return a
    }

    /// `rows` rewound through each prior's rows as they were and ids it added, newest first.
    static func rewound<Row: Identifiable>(_ rows: [Row], through priors: [(was: [Row], added: [Int64])]) -> [Row]
    where Row.ID == Int64 {
        var then: [Int64: Row?] = [:]
        for (was, added) in priors {
            for id in added { then[id] = .some(nil) }
            for row in was { then[row.id] = .some(row) }
        }
        if then.isEmpty { return rows }
        var out = rows.filter { then[$0.id] == nil }
        for case let row?? in then.values { out.append(row) }
        return out.sorted { $0.id < $1.id }
    }

    /// As of the end of `day`: touchpoints marked later were still planned then. (Their
    /// marks in older stores and in seeded ones have no event to rewind.)
    public func touchpointsUnmarked(after day: Day) -> Account {
        var a = self
        for i in a.touchpoints.indices where (a.touchpoints[i].markedOn ?? day) > day {
            a.touchpoints[i].state = nil
            a.touchpoints[i].outcome = nil
            a.touchpoints[i].markedOn = nil
        }
        return a
    }

    static func rewound<Row: Identifiable>(_ rows: [Row], _ was: [Row], removing added: [Int64]) -> [Row]
    where Row.ID == Int64 {
        if was.isEmpty && added.isEmpty { return rows }
        let gone = Set(added).union(was.map(\.id))
        return (rows.filter { !gone.contains($0.id) } + was).sorted { $0.id < $1.id }
    }

    /// The account with its own fields put back from the JSON priors kept of them, each by
    /// its coding key: each value decoded alone, as `Account` decodes it. (The whole
    /// account's fields through JSON and back, per account, took a third of the changes
    /// report.) Keys of rows, of the version and of the activity day are not own fields; a
    /// key this version does not know is left alone, as decoding would have ignored it.
    func replacingFields(_ fields: [String: String]) throws -> Account {
        var a = self
        let decoder = JSONDecoder()
        for (key, json) in fields {
            let data = Data(json.utf8)
            func value<T: Decodable>(_: T.Type = T.self) throws -> T { try decoder.decode(T.self, from: data) }
            switch key {
            case "id": a.id = try value()
            case "name": a.name = try value()
            case "segment": a.segment = try value()
            case "arr": a.arr = try value()
            case "csm": a.csm = try value()
            case "salesOwner": a.salesOwner = try value()
            case "contractSigned": a.contractSigned = try value()
            case "targetGoLive": a.targetGoLive = try value()
            case "goLivePlan": a.goLivePlan = try value()
            case "playbook": a.playbook = try value()
            case "handoff": a.handoff = try value()
            case "escalation": a.escalation = try value()
            case "holds": a.holds = try value()
            case "completedOn": a.completedOn = try value()
            case "thresholds": a.thresholds = try value()
            case "stages": a.stages = try value()
            case "stageIndex": a.stageIndex = try value()
            default: continue
            }
        }
        return a
    }
}
