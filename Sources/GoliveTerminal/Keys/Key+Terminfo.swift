extension Key {
    /// The key a terminfo key capability stands for (`kHOM5`, Ctrl+Home, is Home), by its
    /// name or by ncurses' name for its key code (`KEY_SHOME`); nil for the keys golive has
    /// no use for (function keys, Insert, the keypad's own). The backend asks this for
    /// every key ncurses decodes, so a terminfo entry and `KeySequence` always agree.
    public static func terminfo(_ name: String) -> Key? {
        if let k = standard[name] { return k }
        // Extended capabilities carry the modifier as a digit: kUP5, kEND3, kDC6.
        let base = String(name.prefix { !$0.isNumber })
        guard name.dropFirst(base.count).allSatisfy(\.isNumber) else { return nil }
        return modified[base]
    }

    private static let standard: [String: Key] = [
        "kcuu1": .up, "KEY_UP": .up, "kri": .up, "KEY_SR": .up,
        "kcud1": .down, "KEY_DOWN": .down, "kind": .down, "KEY_SF": .down,
        "kcub1": .left, "KEY_LEFT": .left, "kcuf1": .right, "KEY_RIGHT": .right,
        "khome": .home, "KEY_HOME": .home, "kend": .end, "KEY_END": .end,
        "kpp": .pageUp, "KEY_PPAGE": .pageUp, "knp": .pageDown, "KEY_NPAGE": .pageDown,
        "kdch1": .delete, "KEY_DC": .delete, "kcbt": .backTab, "KEY_BTAB": .backTab,
        "kent": .enter, "KEY_ENTER": .enter, "kbs": .backspace, "KEY_BACKSPACE": .backspace,
        // rxvt's and the VT220's Find and Select are where a PC keyboard has Home and
        // End, and tmux and the Linux console send their sequences for Home and End.
        "kfnd": .home, "KEY_FIND": .home, "kslt": .end, "KEY_SELECT": .end,
        // rxvt calls Ctrl+End "clear to end of line".
        "kel": .end, "KEY_EOL": .end,
        "KEY_SHOME": .home, "KEY_SEND": .end, "KEY_SLEFT": .left, "KEY_SRIGHT": .right,
        "KEY_SPREVIOUS": .pageUp, "KEY_SNEXT": .pageDown, "KEY_SDC": .delete, "KEY_SFIND": .home,
    ]

    private static let modified: [String: Key] = [
        "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
        "kPRV": .pageUp, "kNXT": .pageDown, "kDC": .delete, "kFND": .home, "kSLT": .end,
    ]
}
