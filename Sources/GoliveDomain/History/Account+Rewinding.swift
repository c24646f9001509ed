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
        for p in priors {
            if let day = p.lastActivity { a.lastActivity = day }
            a.tasks = Account.rewound(a.tasks, p.tasks, removing: p.addedTasks)
            a.checkpoints = Account.rewound(a.checkpoints, p.checkpoints, removing: p.addedCheckpoints)
            a.touchpoints = Account.rewound(a.touchpoints, p.touchpoints, removing: p.addedTouchpoints)
        }
        return a
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

    private func replacingFields(_ fields: [String: String]) throws -> Account {
        let own = try Prior.encoder.encode(ownFields)
        guard var object = try JSONSerialization.jsonObject(with: own) as? [String: Any] else { return self }
        for (key, json) in fields {
            let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
            if value is NSNull { object.removeValue(forKey: key) } else { object[key] = value }
        }
        var a = try JSONDecoder().decode(Account.self, from: JSONSerialization.data(withJSONObject: object))
        a.tasks = tasks
        a.checkpoints = checkpoints
        a.touchpoints = touchpoints
        a.version = version
        a.lastActivity = lastActivity
        return a
    }
}
