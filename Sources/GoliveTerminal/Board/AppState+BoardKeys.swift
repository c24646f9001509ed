import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
    mutating func boardCommand(_ command: Command) -> [Effect] {
        switch command {
        case .moveUp: moveBoard(by: -1)
        case .moveDown: moveBoard(by: 1)
        case .pageUp: moveBoard(by: -boardListHeight)
        case .pageDown: moveBoard(by: boardListHeight)
        case .top: moveBoard(to: 0)
        case .bottom: moveBoard(to: visible.count - 1)
        case .back:
            quitting = true
            return [.quit]
        case .open:
            guard let id = selectedAccount else { return [] }
            openAccount(id, from: .board)
        case .filter:
            prompt = Prompt(purpose: .filter, label: "filter", text: filter)
        case .cycleSort:
            // Each order starts its natural way: a reversal was meant for the order it reversed.
            if sortReversed { sortReversed = false }
            sort = BoardSort(rawValue: (sort.rawValue + 1) % BoardSort.allCases.count) ?? .worstFirst
            status = StatusLine(text: "sorted by \(sort.title)", isError: false)
        case .reverseSort:
            sortReversed.toggle()
            status = StatusLine(text: "sorted by \(sort.title)\(sortReversed ? ", reversed" : "")", isError: false)
        case .toggleMine:
            mine.toggle()
            status = mine ? mineStatus : StatusLine(text: "showing every account", isError: false)
        case .reload:
            return [.reload]
        default:
            break
        }
        return []
    }

    mutating func moveBoard(by delta: Int) {
        moveBoard(to: (selectedIndex ?? 0) + delta)
    }

    mutating func moveBoard(to index: Int) {
        guard !visible.isEmpty else { return }
        selectedAccount = visible[max(0, min(visible.count - 1, index))]
        clampBoard()
    }

    /// Keeps the selected row inside the visible window.
    mutating func clampBoard() {
        let i = selectedIndex ?? 0
        let h = boardListHeight
        if i < boardTop { boardTop = i }
        if i >= boardTop + h { boardTop = i - h + 1 }
        boardTop = max(0, min(boardTop, max(0, visible.count - h)))
    }

    /// The CSM "my accounts" shows: the user's own name, or the one CSM their login is a
    /// short form of.
    var myCSM: Int? {
        switch rows.csm(matching: user) {
        case .exact(let i), .login(let i): i
        case .ambiguous, .none: nil
        }
    }

    /// What "my accounts" matched, or why it matched nothing, in words.
    var mineStatus: StatusLine {
        let fix = "set `user: NAME` in config.yaml or pass --user"
        switch rows.csm(matching: user) {
        case .exact(let i):
            return StatusLine(text: "showing \(rows.csmNames[i])'s accounts", isError: false)
        case .login(let i):
            return StatusLine(
                text: "showing \(rows.csmNames[i])'s accounts (the CSM your login '\(user)' stands for)",
                isError: false)
        case .ambiguous(let names):
            return StatusLine(
                text: "'\(user)' could be \(names.joined(separator: " or ")): \(fix)", isError: true)
        case .none:
            return StatusLine(text: "no CSM is named like '\(user)': \(fix)", isError: true)
        }
    }
}
