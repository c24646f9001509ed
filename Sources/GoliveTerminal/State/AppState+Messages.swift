import Foundation
import GoliveDomain

/// The status messages of the session, kept so that one too long for its line, or gone at
/// the next key, can still be read whole (`@`).
extension AppState {
    /// How many messages are kept, newest last.
    static let messagesKept = 100

    /// Keeps a new status message; the lines that only say something slow is under way
    /// ("reading the agenda…") go when it is done and are not kept.
    mutating func keep(_ status: StatusLine?, after old: StatusLine?) {
        guard let status, status != old, status.isError || !status.text.hasSuffix("…") else { return }
        messages.append(status)
        if messages.count > AppState.messagesKept { messages.removeFirst() }
    }

    /// Keys while the messages are shown: scroll, or close with Esc, q or the key again.
    mutating func messagesKey(_ key: Key) {
        if keys.command(for: key, in: .board) == .messages {
            messagesOpen = false
            return
        }
        switch key {
        case .escape, .char("q"): messagesOpen = false
        case .up, .char("k"): messagesTop = max(0, messagesTop - 1)
        case .down, .char("j"): messagesTop += 1
        case .pageUp: messagesTop = max(0, messagesTop - (height - 4))
        case .pageDown: messagesTop += height - 4
        case .home, .char("g"): messagesTop = 0
        default: break
        }
    }
}
