import Foundation
import Testing

@testable import GoliveTerminal

/// A key sequence a terminal sends, where it comes from, and the key it means (nil: none).
struct TerminalSequence: CustomStringConvertible {
    let name: String
    let input: [Unicode.Scalar]
    let meant: Key?

    var description: String {
        let shown = input.map { $0 == "\u{1B}" ? "ESC " : String($0) }.joined()
        return "\(name) (\(shown))"
    }

    /// The entries issue 37 names: tmux's own, the TERM people keep inside tmux, screen, rxvt.
    static let entries = ["xterm-256color", "tmux-256color", "screen-256color", "rxvt-unicode"]

    /// Every key capability (`k…`) of a terminfo entry, read with `infocmp`; nil, with the
    /// test failing and naming the package, when the machine has no such entry.
    static func terminfo(_ entry: String) -> [TerminalSequence]? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["infocmp", "-1", "-x", entry]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else {
            Issue.record("infocmp is missing: apt-get install ncurses-bin")
            return nil
        }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            Issue.record("no terminfo entry \(entry) on this machine: apt-get install ncurses-term (and ncurses-base)")
            return nil
        }
        return text.split(separator: "\n").compactMap { line in
            let field = line.trimmingCharacters(in: .whitespaces)
            guard field.hasPrefix("k"), let eq = field.firstIndex(of: "="), field.hasSuffix(",") else { return nil }
            let name = String(field[..<eq])
            let value = String(field[field.index(after: eq)...].dropLast())
            return TerminalSequence(
                name: "\(entry) \(name)", input: unescape(value), meant: Key.terminfo(name))
        }
    }

    /// A terminfo string value as the characters the terminal sends (terminfo(5), "String Capabilities").
    static func unescape(_ value: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var rest = Array(value.unicodeScalars)[...]
        while let c = rest.popFirst() {
            if c == "^", let n = rest.popFirst() {
                out.append(n == "?" ? "\u{7F}" : Unicode.Scalar(n.value & 0x1F)!)
                continue
            }
            guard c == "\\", let e = rest.popFirst() else {
                out.append(c)
                continue
            }
            let named: [Unicode.Scalar: Unicode.Scalar] = [
                "E": "\u{1B}", "e": "\u{1B}", "n": "\n", "l": "\n", "r": "\r", "t": "\t", "b": "\u{8}", "f": "\u{C}",
                "s": " ",
            ]
            if let n = named[e] {
                out.append(n)
            } else if ("0"..."7").contains(e) {
                var digits = String(e)
                while digits.count < 3, let d = rest.first, ("0"..."7").contains(d) {
                    digits.unicodeScalars.append(d)
                    rest = rest.dropFirst()
                }
                let v = UInt32(digits, radix: 8)!
                out.append(Unicode.Scalar(v == 0 ? 0x80 : v)!)
            } else {
                out.append(e)
            }
        }
        return out
    }

    /// The forms xterm, tmux, screen, rxvt and the Linux console send, whatever the TERM says.
    static let common: [TerminalSequence] = {
        let forms: [(String, Key?)] = [
            ("[1~", .home), ("[7~", .home), ("[H", .home), ("OH", .home), ("[1;5H", .home), ("[7^", .home),
            ("[7$", .home), ("[7@", .home), ("[1;2H", .home),
            ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end), ("[1;5F", .end), ("[8^", .end), ("[8$", .end),
            ("[3~", .delete), ("[3;5~", .delete), ("[3$", .delete), ("[3^", .delete),
            ("[2~", nil), ("[2;5~", nil), ("[2$", nil),
            ("[5~", .pageUp), ("[5^", .pageUp), ("[5$", .pageUp), ("[5@", .pageUp), ("[5;5~", .pageUp),
            ("[6~", .pageDown), ("[6^", .pageDown), ("[6$", .pageDown), ("[6;2~", .pageDown),
            ("[A", .up), ("OA", .up), ("[1;5A", .up), ("Oa", .up), ("[a", .up), ("O5A", .up),
            ("[B", .down), ("OB", .down), ("[1;2B", .down), ("Ob", .down), ("[b", .down),
            ("[C", .right), ("OC", .right), ("[1;3C", .right), ("Oc", .right), ("[c", .right),
            ("[D", .left), ("OD", .left), ("[1;6D", .left), ("Od", .left), ("[d", .left),
            ("[Z", .backTab), ("OM", .enter),
            // Function keys, the keypad's own keys, and what is not a key at all.
            ("OP", nil), ("OS", nil), ("[11~", nil), ("[15~", nil), ("[24~", nil), ("[1;2P", nil), ("[[A", nil),
            ("[[E", nil), ("[25~", nil), ("[34~", nil), ("[23$", nil), ("[11^", nil), ("OE", nil), ("[E", nil),
            ("[G", nil), ("Ow", nil), ("Op", nil), ("Oj", nil),
            ("[I", nil), ("[O", nil), ("[200~", nil), ("[201~", nil),
            ("[M !!", nil), ("[M#x5", nil), ("[<0;12;5M", nil), ("[<0;12;5m", nil), ("[<64;3;4M", nil),
            ("[32;12;5M", nil), ("[27;5;13~", nil), ("[97;5u", nil), ("[?1;2c", nil), ("[12;40R", nil),
            // Alt with a character or a key: never Esc and then the key.
            ("2", nil), ("a", nil), ("x", nil), ("q", nil), ("é", nil), ("\r", nil), ("\u{7F}", nil), (" ", nil),
            ("\u{1B}[A", nil), ("\u{1B}OD", nil), ("\u{1B}[4~", nil),
        ]
        return forms.map { form, key in
            TerminalSequence(name: "common", input: ["\u{1B}"] + Array(form.unicodeScalars), meant: key)
        }
    }()
}
