import GoliveDomain
import GoliveIO

extension AppState {
    mutating func changesCommand(_ command: Command) -> [Effect] {
        if let to = listIndex(after: command, from: changesIndex, count: changes.count) {
            changesIndex = to
            return []
        }
        switch command {
        case .back: screen = .board
        case .open:
            if changesIndex < changes.count { openAccount(changes[changesIndex].id, from: .changes) }
        case .cyclePeriod:
            changesPeriod = changesPeriod.next
            changesIndex = 0
            return [.loadChanges(changesPeriod, mine: changesMine)]
        case .toggleMine:
            changesMine.toggle()
            changesIndex = 0
            status = StatusLine(
                text: changesMine ? "changes on \(user)'s accounts" : "changes on every account", isError: false)
            return [.loadChanges(changesPeriod, mine: changesMine)]
        default: break
        }
        return []
    }

    /// Puts the changes read again for `ids` in place of theirs; the rest stay as read (an
    /// account gone since goes with them), in the screen's order, the selected account kept.
    /// A read for another period or the other half (`m`) is left: the full read asked for
    /// then follows.
    mutating func mergeChanges(_ list: [AccountChange], of ids: [Int64], since: ChangesSince, mine: Bool) {
        guard mine == changesMine, since == changesSince else { return }
        let changed = Set(ids)
        let selected = changesIndex < changes.count ? changes[changesIndex].id : nil
        let kept = changes.filter { !changed.contains($0.id) && rows[$0.id] != nil }
        changes = Reports.ordered(kept + list)
        changesIndex = selected.flatMap { id in changes.firstIndex { $0.id == id } } ?? changesIndex
        changesIndex = max(0, min(changesIndex, changes.count - 1))
    }
}
