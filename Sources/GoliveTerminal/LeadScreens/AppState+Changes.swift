import GoliveDomain

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
}
