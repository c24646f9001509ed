extension Key {
    /// The key one character a terminal sends stands for (ESC aside: see `KeySequence`);
    /// nil for control characters no key of golive's uses, so they never reach a prompt's text.
    public static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0...31, 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    /// Every key in `input`, as the backend reads them when all of it has arrived and
    /// nothing follows: the same decoding, without a terminal.
    public static func keys(in input: [Unicode.Scalar]) -> [Key] {
        var keys: [Key] = []
        var rest = input[...]
        while let c = rest.popFirst() {
            if c == "\u{1B}" {
                if let k = KeySequence.decode(next: { rest.popFirst() }) { keys.append(k) }
            } else if let k = character(c.value) {
                keys.append(k)
            }
        }
        return keys
    }
}
