extension AppState {
    /// Keys while an account's reasons are shown: scroll, or close with Esc, q or i.
    mutating func whyKey(_ key: Key) {
        switch key {
        case .escape, .char("q"), .char("i"): whyAccount = nil
        case .up, .char("k"): whyTop = max(0, whyTop - 1)
        case .down, .char("j"): whyTop += 1
        case .pageUp: whyTop = max(0, whyTop - (height - 4))
        case .pageDown: whyTop += height - 4
        default: break
        }
    }
}
