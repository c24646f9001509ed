import Foundation
import GoliveDomain
import GoliveIO

extension AppState {
    mutating func helpKey(_ key: Key) {
        switch key {
        case .escape, .char("?"): helpOpen = false
        case .char("q") where helpFilter.isEmpty: helpOpen = false
        case .backspace, .delete:
            if !helpFilter.isEmpty { helpFilter.removeLast() }
            helpTop = 0
        case .up: helpTop = max(0, helpTop - 1)
        case .down: helpTop += 1
        case .pageUp: helpTop = max(0, helpTop - (height - 4))
        case .pageDown: helpTop += height - 4
        case .char(let c):
            helpFilter.append(c)
            helpTop = 0
        default: break
        }
    }
}
