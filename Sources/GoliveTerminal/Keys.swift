import Foundation
import GoliveIO
import Yams

/// A key press, decoded by the backend.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case ctrl(Character)

    /// The names keys.yaml and the help overlay use.
    public var description: String {
        switch self {
        case .char(let c): c == " " ? "Space" : String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        }
    }

    public init?(name: String) {
        let named: [String: Key] = [
            "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left, "←": .left, "right": .right, "→": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
            "s-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "delete": .delete, "space": .char(" "),
        ]
        if let k = named[name.lowercased()] {
            self = k
            return
        }
        if name.count == 1, let c = name.first {
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "c-"] where lower.hasPrefix(prefix) && name.count == prefix.count + 1 {
            if let c = lower.last {
                self = .ctrl(c)
                return
            }
        }
        return nil
    }
}

/// What a key can ask for. Named after what the user does.
public enum Command: String, CaseIterable, Sendable {
    case moveUp = "move-up"
    case moveDown = "move-down"
    case top, bottom
    case pageUp = "page-up"
    case pageDown = "page-down"
    case help, back, quit, undo
    case open, filter
    case cycleSort = "cycle-sort"
    case toggleMine = "toggle-mine"
    case reload
    case nextLane = "next-lane"
    case previousLane = "previous-lane"
    case previousCheckpoint = "previous-checkpoint"
    case nextCheckpoint = "next-checkpoint"
    case toggleDone = "toggle-done"
    case reject, block
    case markWaiting = "mark-waiting"
    case addTask = "add-task"
    case editTitle = "edit-title"
    case changeDue = "change-due"
    case reassign
    case addNote = "add-note"
    case achieveCheckpoint = "achieve-checkpoint"
    case advanceStage = "advance-stage"
    case escalate
    case viewBoard = "view-board"
    case viewStalled = "view-stalled"
    case viewAgenda = "view-agenda"
    case viewMetrics = "view-metrics"
    case history
    case markReviewed = "mark-reviewed"
    case reassignCSM = "reassign-csm"
}

/// Where a binding applies.
public enum Scope: String, CaseIterable, Sendable {
    case everywhere, board, stalled, agenda, metrics, account, history

    public var title: String {
        switch self {
        case .everywhere: "Everywhere"
        case .board: "Board"
        case .stalled: "Stalled review"
        case .agenda: "Agenda"
        case .metrics: "Metrics"
        case .account: "Account"
        case .history: "History"
        }
    }
}

public struct Binding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command
    public var scope: Scope
    public var description: String
}

/// The one table that drives both input and the help overlay.
public struct KeyTable: Sendable {
    public var bindings: [Binding]

    public static let defaults = KeyTable(bindings: [
        Binding(keys: [.up, .char("k")], command: .moveUp, scope: .everywhere, description: "move up"),
        Binding(keys: [.down, .char("j")], command: .moveDown, scope: .everywhere, description: "move down"),
        Binding(keys: [.char("g"), .home], command: .top, scope: .everywhere, description: "go to the top"),
        Binding(keys: [.char("G"), .end], command: .bottom, scope: .everywhere, description: "go to the bottom"),
        Binding(keys: [.pageUp], command: .pageUp, scope: .everywhere, description: "page up"),
        Binding(keys: [.pageDown], command: .pageDown, scope: .everywhere, description: "page down"),
        Binding(keys: [.char("?")], command: .help, scope: .everywhere, description: "help: all keys (type to filter)"),
        Binding(keys: [.char("q")], command: .back, scope: .everywhere, description: "back (quits from the board)"),
        Binding(keys: [.ctrl("c")], command: .quit, scope: .everywhere, description: "quit"),
        Binding(
            keys: [.char("u")], command: .undo, scope: .everywhere,
            description: "undo the last change made in this session"),
        Binding(keys: [.char("1")], command: .viewBoard, scope: .everywhere, description: "the board"),
        Binding(
            keys: [.char("2")], command: .viewStalled, scope: .everywhere, description: "stalled review (for leads)"),
        Binding(
            keys: [.char("3")], command: .viewAgenda, scope: .everywhere,
            description: "agenda: overdue, today, this week"),
        Binding(keys: [.char("4")], command: .viewMetrics, scope: .everywhere, description: "metrics"),
        Binding(keys: [.enter], command: .open, scope: .board, description: "open the account"),
        Binding(
            keys: [.char("/")], command: .filter, scope: .board,
            description: "filter by text (account, CSM); Esc clears"),
        Binding(
            keys: [.char("s")], command: .cycleSort, scope: .board,
            description: "sort: worst first, go-live, days in stage, ARR, name"),
        Binding(
            keys: [.char("m")], command: .toggleMine, scope: .board, description: "my accounts only (the --user's)"),
        Binding(keys: [.char("r")], command: .reload, scope: .board, description: "reload from the store"),
        Binding(keys: [.enter], command: .open, scope: .stalled, description: "open the account"),
        Binding(
            keys: [.char("!")], command: .escalate, scope: .stalled,
            description: "escalate the account (reason asked)"),
        Binding(keys: [.char("o")], command: .reassignCSM, scope: .stalled, description: "reassign the account's CSM"),
        Binding(keys: [.char("n")], command: .addNote, scope: .stalled, description: "add a note to the account"),
        Binding(
            keys: [.char("v")], command: .markReviewed, scope: .stalled,
            description: "mark the account reviewed (your name, now)"),
        Binding(keys: [.enter], command: .open, scope: .agenda, description: "open the item's account"),
        Binding(
            keys: [.char("m")], command: .toggleMine, scope: .agenda, description: "my accounts only (the --user's)"),
        Binding(keys: [.tab, .char("l")], command: .nextLane, scope: .account, description: "next lane"),
        Binding(keys: [.backTab, .char("h")], command: .previousLane, scope: .account, description: "previous lane"),
        Binding(
            keys: [.char("[")], command: .previousCheckpoint, scope: .account,
            description: "select the previous checkpoint"),
        Binding(
            keys: [.char("]")], command: .nextCheckpoint, scope: .account, description: "select the next checkpoint"),
        Binding(
            keys: [.char("x")], command: .toggleDone, scope: .account,
            description: "toggle done (approval lane: approve)"),
        Binding(
            keys: [.char("X")], command: .reject, scope: .account, description: "reject the approval (reason asked)"),
        Binding(keys: [.char("b")], command: .block, scope: .account, description: "block the task (reason asked)"),
        Binding(keys: [.char("w")], command: .markWaiting, scope: .account, description: "mark the task waiting"),
        Binding(keys: [.char("a")], command: .addTask, scope: .account, description: "add a task to the focused lane"),
        Binding(keys: [.char("e")], command: .editTitle, scope: .account, description: "edit the task's title"),
        Binding(
            keys: [.char("d")], command: .changeDue, scope: .account,
            description: "change the due date (+/- a day, or type one)"),
        Binding(keys: [.char("o")], command: .reassign, scope: .account, description: "reassign the task's owner"),
        Binding(keys: [.char("n")], command: .addNote, scope: .account, description: "add a note"),
        Binding(
            keys: [.char("c")], command: .achieveCheckpoint, scope: .account,
            description: "mark the selected checkpoint achieved"),
        Binding(
            keys: [.char(">")], command: .advanceStage, scope: .account,
            description: "advance the stage (gates checked)"),
        Binding(
            keys: [.char("!")], command: .escalate, scope: .account,
            description: "escalate the account (reason asked)"),
        Binding(
            keys: [.char("v")], command: .markReviewed, scope: .account,
            description: "mark the account reviewed (your name, now)"),
        Binding(
            keys: [.char("H")], command: .history, scope: .account, description: "history: every change, newest first"),
    ])

    /// The command `key` means on `scope` (a screen's own bindings first).
    public func command(for key: Key, in scope: Scope) -> Command? {
        bindings.first { $0.scope == scope && $0.keys.contains(key) }?.command
            ?? bindings.first { $0.scope == .everywhere && $0.keys.contains(key) }?.command
    }

    public func keys(for command: Command) -> [Key] { bindings.first { $0.command == command }?.keys ?? [] }

    /// The default table with a user's keys.yaml applied:
    ///
    ///     toggle-done: [x, Space]
    ///     escalate: E
    ///
    /// A key bound twice where both bindings can apply, an unknown command or key name,
    /// or a binding left with no key is refused with the file and line.
    public static func load(path: String) throws -> KeyTable {
        guard FileManager.default.fileExists(atPath: path) else { return defaults }
        let y = try YAMLReader.load(path: path)
        var table = defaults
        let commands = Set(Command.allCases.map(\.rawValue))
        var lineOf: [Command: Int] = [:]
        for (name, node) in try y.mapping(y.root, "keys") {
            guard commands.contains(name), let command = Command(rawValue: name) else {
                throw y.fail(
                    node,
                    "unknown command '\(name)' (commands: \(Command.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let names: [String]
            if case .sequence = node {
                names = try y.sequence(node, name).map { try y.string($0, name) }
            } else {
                names = [try y.string(node, name)]
            }
            let keys = try names.map { n -> Key in
                guard let k = Key(name: n) else { throw y.fail(node, "\(name): unknown key '\(n)'") }
                return k
            }
            if keys.isEmpty { throw y.fail(node, "\(name): no key left for this command") }
            for i in table.bindings.indices where table.bindings[i].command == command { table.bindings[i].keys = keys }
            lineOf[command] = node.mark?.line
        }
        for (i, a) in table.bindings.enumerated() {
            for b in table.bindings[(i + 1)...]
            where a.command != b.command && (a.scope == b.scope || a.scope == .everywhere || b.scope == .everywhere) {
                if let clash = a.keys.first(where: b.keys.contains) {
                    let line = lineOf[a.command] ?? lineOf[b.command]
                    throw FileError(
                        file: path, line: line,
                        reason: "key '\(clash)' is bound to both \(a.command.rawValue) and \(b.command.rawValue)")
                }
            }
        }
        return table
    }
}
