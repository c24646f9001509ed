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
            guard let c = lower.last else { continue }
            // A terminal sends these as the keys they stand for: Ctrl-M is Enter.
            let same: [Character: Key] = ["m": .enter, "j": .enter, "i": .tab, "[": .escape, "h": .backspace]
            self = same[c] ?? .ctrl(c)
            return
        }
        return nil
    }
}
