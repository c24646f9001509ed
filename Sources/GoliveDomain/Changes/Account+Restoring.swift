extension Account {
    /// This account with every row that went from `before` to `after` put back as `before`
    /// had it: what undo and redo do. Each such row must still be as `after` left it; one
    /// changed since (by anyone) refuses the whole step, so undo never writes over a later
    /// change. Rows the step did not touch are left alone, whoever changed them.
    func restoring(_ before: Account, over after: Account, verb: String) throws(Refusal) -> Account {
        var next = self
        let taskIDs = Set(before.tasks.map(\.id)).union(after.tasks.map(\.id)).sorted()
        for id in taskIDs {
            let was = before.task(id)
            let left = after.task(id)
            guard !Account.sameRow(was, left) else { continue }
            let now = task(id)
            guard Account.sameRow(now, left) else {
                throw Refusal("'\((now ?? left ?? was)?.title ?? "a task")' changed since: nothing \(verb)")
            }
            next.tasks.removeAll { $0.id == id }
            if var restored = was {
                restored.version = max(now?.version ?? 0, restored.version) + 1
                next.tasks.append(restored)
            }
        }
        next.tasks.sort { $0.id < $1.id }
        for c in before.checkpoints {
            let left = after.checkpoint(c.id)
            guard !Account.sameRow(c, left) else { continue }
            let now = checkpoint(c.id)
            guard let now, Account.sameRow(now, left), let i = next.checkpoints.firstIndex(where: { $0.id == c.id })
            else {
                throw Refusal("checkpoint \(c.name) changed since: nothing \(verb)")
            }
            var restored = c
            restored.version = max(now.version, c.version) + 1
            next.checkpoints[i] = restored
        }
        if before.ownRow != after.ownRow {
            guard ownRow == after.ownRow else { throw Refusal("\(name) changed since: nothing \(verb)") }
            next.setOwnRow(from: before)
        }
        return next
    }

    /// The account's own fields, without its tasks and checkpoints (rows of their own) and
    /// without what every change moves (version, last activity).
    var ownRow: Account {
        var row = self
        row.tasks = []
        row.checkpoints = []
        row.version = 0
        row.lastActivity = Day(ordinal: 0)
        return row
    }

    mutating func setOwnRow(from other: Account) {
        let tasks = self.tasks
        let checkpoints = self.checkpoints
        let version = self.version
        let lastActivity = self.lastActivity
        self = other
        self.tasks = tasks
        self.checkpoints = checkpoints
        self.version = version
        self.lastActivity = lastActivity
    }

    /// Two copies of a row hold the same content, whatever their versions.
    static func sameRow(_ a: OnboardingTask?, _ b: OnboardingTask?) -> Bool {
        a?.versionless == b?.versionless
    }

    static func sameRow(_ a: Checkpoint?, _ b: Checkpoint?) -> Bool {
        a?.versionless == b?.versionless
    }
}

extension OnboardingTask {
    fileprivate var versionless: OnboardingTask {
        var t = self
        t.version = 0
        return t
    }
}

extension Checkpoint {
    fileprivate var versionless: Checkpoint {
        var c = self
        c.version = 0
        return c
    }
}
