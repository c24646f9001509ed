import Foundation
import GRDB
import GoliveDomain

extension Store {
    /// The agenda of active accounts (of one CSM's when given): unfinished tasks and
    /// checkpoints due up to `end` (overdue ones included), and planned touchpoints up to
    /// `end` — a past one stays until someone marks it held or missed. Tasks come from the
    /// index on open tasks' due dates.
    public func agenda(today: Day, through end: Day, csm: String? = nil) throws -> [AgendaItem] {
        let me = csm?.lowercased()
        return try read { db in
            var items: [AgendaItem] = []
            func mine(_ r: Row, _ i: Int) -> Bool { me == nil || (r[i] as String).lowercased() == me }
            let tasks = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.due, t.lane, a.id, a.name, t.title, t.owner, a.csm, t.id
                    FROM tasks t JOIN accounts a ON a.id = t.account_id
                    WHERE t.status NOT IN ('done', 'skipped', 'approved') AND t.due <= ? AND a.completed_on IS NULL
                    """, arguments: [end.iso])
            while let r = try tasks.next() {
                guard mine(r, 6) else { continue }
                items.append(
                    AgendaItem(
                        day: try r.requiredDay(0, "tasks.due"), kind: .task(try r.word(1, "tasks.lane")),
                        accountID: r[2], account: r[3], title: r[4], who: r[5], itemID: r[7]))
            }
            let checkpoints = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.due, a.id, a.name, c.name, a.csm, c.id
                    FROM checkpoints c JOIN accounts a ON a.id = c.account_id
                    WHERE c.achieved_on IS NULL AND c.due <= ? AND a.completed_on IS NULL
                    """, arguments: [end.iso])
            while let r = try checkpoints.next() {
                guard mine(r, 4) else { continue }
                items.append(
                    AgendaItem(
                        day: try r.requiredDay(0, "checkpoints.due"), kind: .checkpoint, accountID: r[1],
                        account: r[2], title: r[3], who: r[4], itemID: r[5]))
            }
            let touchpoints = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.on_day, a.id, a.name, p.objective, p.channel, p.audience, a.csm, p.id
                    FROM touchpoints p JOIN accounts a ON a.id = p.account_id
                    WHERE p.state IS NULL AND p.on_day <= ? AND a.completed_on IS NULL
                    """, arguments: [end.iso])
            while let r = try touchpoints.next() {
                guard mine(r, 6) else { continue }
                let objective: String = r[3]
                let channel: String = r[4]
                items.append(
                    AgendaItem(
                        day: try r.requiredDay(0, "touchpoints.on_day"), kind: .touchpoint, accountID: r[1],
                        account: r[2], title: "\(objective) (\(channel))", who: r[5], itemID: r[7]))
            }
            // The follow-up of each account's last review, until a later review answers it.
            let followUps = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.after, a.id, a.name, e.detail, e.who, a.csm FROM events e
                    JOIN \(Store.lastReviews) ON e.id = r.m
                    JOIN accounts a ON a.id = e.account_id
                    WHERE e.after IS NOT NULL AND e.after <= ? AND a.completed_on IS NULL
                    """, arguments: [end.iso])
            while let r = try followUps.next() {
                guard mine(r, 5), let day = try r.day(0, "events.after") else { continue }
                items.append(
                    AgendaItem(
                        day: day, kind: .followUp, accountID: r[1], account: r[2],
                        title: "follow up: \((r[3] as String?) ?? "")", who: r[4]))
            }
            return AgendaItem.ordered(items)
        }
    }
}
