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
        case .up: helpTop = max(0, min(helpTop, helpLastTop) - 1)
        case .down: helpTop = min(helpLastTop, helpTop + 1)
        case .pageUp: helpTop = max(0, min(helpTop, helpLastTop) - (height - 4))
        case .pageDown: helpTop = min(helpLastTop, helpTop + height - 4)
        case .home: helpTop = 0
        case .end: helpTop = helpLastTop
        case .char(let c):
            helpFilter.append(c)
            helpTop = 0
        default: break
        }
    }

    /// The first line of the help overlay's last page (its box has the screen less four lines):
    /// End goes there, and ↑ after going past it moves at once.
    var helpLastTop: Int {
        // The glyphs change no line's length that the count depends on.
        max(0, Renderer(glyphs: Glyphs(unicode: true)).helpLines(self).count - (height - 4))
    }
}
