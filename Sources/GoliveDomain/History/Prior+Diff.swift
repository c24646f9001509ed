import Foundation

extension Prior {
    /// What turned `before` into `after`, as `before` had it.
    public init(from before: Account, to after: Account) {
        self.init()
        if before.lastActivity != after.lastActivity { lastActivity = before.lastActivity }
        if before.ownFields != after.ownFields {
            let old = before.ownFieldsJSON
            let new = after.ownFieldsJSON
            for key in Set(old.keys).union(new.keys) where old[key] != new[key] {
                // A key absent before (an optional that was nil) is put back as null.
                fields[key] = old[key] ?? "null"
            }
        }
        (tasks, addedTasks) = Prior.rows(before.tasks, after.tasks)
        (checkpoints, addedCheckpoints) = Prior.rows(before.checkpoints, after.checkpoints)
        (touchpoints, addedTouchpoints) = Prior.rows(before.touchpoints, after.touchpoints)
    }

    /// The rows of `old` that `new` changed or dropped, and the ids `new` added.
    static func rows<Row: Identifiable & Equatable>(_ old: [Row], _ new: [Row]) -> ([Row], [Row.ID])
    where Row.ID == Int64 {
        let was = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let replaced = old.filter { now[$0.id] != $0 }
        let added = new.filter { was[$0.id] == nil }.map(\.id)
        return (replaced, added)
    }

    /// One field's value as JSON, keyed as `Account` codes it (for a writer that knows
    /// which field it changed, like the seeder).
    public static func json<T: Encodable>(_ value: T) -> String {
        let data = (try? Prior.encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
}

extension Account {
    /// The account's own fields: without its rows (kept by id in a prior) and without
    /// what every change moves (version, last activity).
    var ownFields: Account {
        var a = self
        a.tasks = []
        a.checkpoints = []
        a.touchpoints = []
        a.version = 0
        a.lastActivity = Day(ordinal: 0)
        return a
    }

    /// The own fields by coding key, each as JSON.
    var ownFieldsJSON: [String: String] {
        guard let data = try? Prior.encoder.encode(ownFields),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in object {
            let fragment = try? JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
            out[key] = fragment.map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }
        return out
    }
}
