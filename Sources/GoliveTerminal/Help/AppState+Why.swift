extension AppState {
    /// Keys while an account's reasons are shown: scroll, or close with Esc, q or i.
    mutating func whyKey(_ key: Key) {
        switch key {
        case .escape, .char("q"), .char("i"): whyAccount = nil
        case .up, .char("k"): whyTop = max(0, min(whyTop, whyLastTop) - 1)
        case .down, .char("j"): whyTop = min(whyLastTop, whyTop + 1)
        case .pageUp: whyTop = max(0, min(whyTop, whyLastTop) - (height - 4))
        case .pageDown: whyTop = min(whyLastTop, whyTop + height - 4)
        case .home, .char("g"): whyTop = 0
        case .end, .char("G"): whyTop = whyLastTop
        default: break
        }
    }

    /// The first line of the why box's last page: End goes there, and ↑ after it moves at once.
    var whyLastTop: Int {
        guard let a = whyAccount.flatMap({ accounts[$0] }) else { return 0 }
        return max(0, Renderer(glyphs: Glyphs(unicode: true)).whyLines(a, self).count - (height - 4))
    }
}
