/// What a terminal sends after an ESC. Keys without a character of their own arrive as ESC
/// and a short sequence (CSI `ESC [ …`, SS3 `ESC O x`); one that the TERM's terminfo entry
/// does not name (tmux's `ESC [ 4 ~` for End under `TERM=xterm-256color`) would otherwise
/// reach the screens as Esc and then letters, each of them acting as a key.
public enum KeySequence {
    public enum Reading: Equatable, Sendable {
        case key(Key)
        /// A whole sequence that means nothing here: dropped, letters and all.
        case ignored
        /// Not whole yet: more is on its way (within the escape delay).
        case more
    }

    /// Longer than any key or report a terminal sends: noise, not a sequence.
    static let longest = 32

    /// What the characters read so far after an ESC mean; each call adds one character.
    public static func read(_ after: [Unicode.Scalar]) -> Reading {
        guard let first = after.first else { return .more }
        if after.count > longest { return .ignored }
        switch first {
        case "[": return csi(Array(after.dropFirst()))
        case "O": return ss3(Array(after.dropFirst()))
        case "\u{1B}":
            // ESC ESC [ A is Alt+↑ in rxvt: Alt with a key is not the key.
            guard after.count > 1 else { return .more }
            return read(Array(after.dropFirst())) == .more ? .more : .ignored
        default:
            // Alt with a character (Alt+2 in a reason must not switch screens).
            return .ignored
        }
    }

    /// What was read means when nothing more came within the escape delay: ESC alone is
    /// Esc; anything else unfinished (Alt+[, Alt+O, a cut-off report) means nothing.
    public static func timedOut(_ after: [Unicode.Scalar]) -> Key? {
        after.isEmpty || after == ["\u{1B}"] ? .escape : nil
    }

    /// Reads, through `next` (nil: nothing came within the escape delay), the rest of what
    /// began with an ESC and `prefix`, and says which key it was; nil when none.
    public static func decode(after prefix: [Unicode.Scalar] = [], next: () -> Unicode.Scalar?) -> Key? {
        var after = prefix
        var reading = prefix.isEmpty ? .more : read(prefix)
        while reading == .more {
            guard let c = next() else { return timedOut(after) }
            after.append(c)
            reading = read(after)
        }
        if case .key(let k) = reading { return k }
        return nil
    }

    private static func csi(_ body: [Unicode.Scalar]) -> Reading {
        guard let first = body.first else { return .more }
        // The Linux console's F1–F5: ESC [ [ A … E.
        if first == "[" { return body.count < 2 ? .more : .ignored }
        // An X10 mouse report: ESC [ M and three raw characters.
        if first == "M" { return body.count < 4 ? .more : .ignored }
        var parameters: [Unicode.Scalar] = []
        var intermediates = false
        for c in body {
            switch c.value {
            case 0x30...0x3F:
                if intermediates { return .ignored }
                parameters.append(c)
            case 0x20...0x2F:
                // rxvt ends its Shift+ keys with `$` (ESC [ 5 $), which ECMA-48 makes an
                // intermediate: after a bare number it is the end.
                if c == "$", !intermediates, !parameters.isEmpty,
                    parameters.allSatisfy({ (0x30...0x39).contains($0.value) })
                {
                    return reading(tilde(parameters))
                }
                intermediates = true
            case 0x40...0x7E:
                return reading(csiKey(parameters, final: c, intermediates: intermediates))
            default:
                return .ignored
            }
        }
        return .more
    }

    private static func csiKey(_ parameters: [Unicode.Scalar], final: Unicode.Scalar, intermediates: Bool) -> Key? {
        // `<`, `=`, `>`, `?` first: a mouse report or a terminal's answer, never a key.
        if intermediates || parameters.first.map({ (0x3C...0x3F).contains($0.value) }) == true { return nil }
        switch final {
        case "A", "a": return .up
        case "B", "b": return .down
        case "C", "c": return .right
        case "D", "d": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "~", "^", "@": return tilde(parameters)
        default: return nil
        }
    }

    /// The VT220 keys by number (xterm, tmux, screen, rxvt, the Linux console), whatever the
    /// modifiers: 1 and 7 are Home, 4 and 8 End.
    private static func tilde(_ parameters: [Unicode.Scalar]) -> Key? {
        let number = String(String.UnicodeScalarView(parameters.prefix { $0 != ";" }))
        switch Int(number) {
        case 1, 7: return .home
        case 4, 8: return .end
        case 3: return .delete
        case 5: return .pageUp
        case 6: return .pageDown
        default: return nil
        }
    }

    private static func ss3(_ body: [Unicode.Scalar]) -> Reading {
        guard let last = body.last else { return .more }
        // Old xterms put the modifier before the letter: ESC O 5 A.
        if (0x30...0x3F).contains(last.value) { return .more }
        guard (0x40...0x7E).contains(last.value) else { return .ignored }
        switch last {
        case "A", "a": return .key(.up)
        case "B", "b": return .key(.down)
        case "C", "c": return .key(.right)
        case "D", "d": return .key(.left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "M": return .key(.enter)
        default: return .ignored
        }
    }

    private static func reading(_ key: Key?) -> Reading { key.map { .key($0) } ?? .ignored }
}
