import Foundation
import GoliveDomain
import GoliveStore

extension Run {
    /// `actions` durable changes on the first task of the accounts `ids`, in turn, each
    /// timed as the terminal makes it (the file's checkpoints after every 50, at an idle
    /// moment on a real board).
    func savedActions(_ store: Store, on ids: [Int64]) throws -> [Double] {
        var saved: [Double] = []
        var i = 0
        while saved.count < actions {
            let id = ids[i % ids.count]
            i += 1
            guard let a = try store.account(id), let t = a.tasks.first(where: { $0.lane != .approval }) else {
                continue
            }
            let change: Change
            switch saved.count % 3 {
            case 0: change = .setTaskStatus(task: t.id, to: t.status == .done ? .open : .done, reason: nil)
            case 1:
                change = .setTaskStatus(
                    task: t.id, to: t.status == .blocked ? .open : .blocked,
                    reason: t.status == .blocked ? nil : "waiting on firewall")
            default: change = .setTaskDue(task: t.id, due: t.due + 1)
            }
            saved.append(
                measure {
                    _ = try? store.perform(
                        change, on: id, who: "bench", today: asOf, now: benchNow, expected: a.expectation(for: change))
                })
            if saved.count % 50 == 0 { try store.checkpoint() }
        }
        return saved
    }
}
