import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

extension AppState {
    public var currentAccount: Account? {
        guard case .account(let id) = screen else { return nil }
        return accounts[id]
    }

    /// The tasks of a lane in the order the account screen lists them.
    public func tasks(of a: Account, in lane: Lane) -> [OnboardingTask] {
        a.tasks.filter { $0.lane == lane }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
    }

    public func selectedTask(in a: Account) -> OnboardingTask? {
        guard let f = focus else { return nil }
        let list = tasks(of: a, in: f.lane)
        if let id = f.selected[f.lane], let t = list.first(where: { $0.id == id }) { return t }
        // Until the user moves, a lane's selection is its first unfinished task: the work.
        return list.first(where: \.isOpen) ?? list.first
    }

    public func selectedCheckpoint(in a: Account) -> Checkpoint? {
        let ordered = a.checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        if let id = focus?.checkpoint, let c = ordered.first(where: { $0.id == id }) { return c }
        return ordered.first { !$0.isAchieved } ?? ordered.last
    }
}
