import Foundation

/// Text from data (account names, notes, CSV cells) is shown, never executed, and is
/// measured by the columns it takes on a terminal.
public enum Text {
    /// Replaces C0/C1 control characters, DEL, and bidirectional overrides/isolates with
    /// visible stand-ins, so an escape sequence in data can never reach a terminal.
    public static func inert(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value == 0x0A || u.value == 0x09 {
                // Keeps a line one line.
                out.append(" ")
            } else if u.value < 0x20, let picture = Unicode.Scalar(0x2400 + u.value) {
                // The control picture: ␛ for ESC, and so on.
                out.append(picture)
            } else if isUnsafe(u) {
                out.append("\u{FFFD}")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Text of several lines made inert line by line, its line breaks kept: what the
    /// command line prints from data and files.
    public static func inertLines(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" }) else { return s }
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { inert(String($0)) }
            .joined(separator: "\n")
    }

    /// JSON text with every character a terminal could act on written as a `\uXXXX` escape.
    /// JSONEncoder escapes only C0 controls; C1 controls and bidirectional overrides pass
    /// through it. Such characters can only stand inside JSON strings, where the escape
    /// decodes to the same text, so the data is unchanged.
    public static func inertJSON(_ json: String) -> String {
        // C0 controls are escaped by the encoder inside strings and are structural
        // whitespace outside them: only DEL and above need escaping here. Walked as UTF-8
        // bytes, since reports run to megabytes.
        // Nothing is copied until the first character that needs escaping: most reports
        // have none.
        let bytes = Array(json.utf8)
        var out: [UInt8]? = nil
        var copied = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x7F {
                i += 1
                continue
            }
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var value = length == 1 ? UInt32(b) : UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<max(1, length) { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            if value >= 0x7F, let u = Unicode.Scalar(value), isUnsafe(u) {
                if out == nil {
                    var fresh: [UInt8] = []
                    fresh.reserveCapacity(bytes.count + 16)
                    out = fresh
                }
                out? += bytes[copied..<i]
                out? += Array(String(format: "\\u%04x", value).utf8)
                copied = i + length
            }
            i += length
        }
        guard var escaped = out else { return json }
        escaped += bytes[copied...]
        return String(decoding: escaped, as: UTF8.self)
    }

    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C || v == 0x2028 || v == 0x2029
    }

    /// Columns a scalar takes: 0 for combining marks and zero-width characters, 2 for
    /// East Asian wide/fullwidth and emoji presentation, 1 otherwise. Kept here rather
    /// than calling wcwidth(3) because that depends on the process locale.
    public static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v >= 0x20 && v < 0x7F { return 1 }  // printable ASCII, by far the most common
        if v == 0 { return 0 }
        if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return 0 }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) { return 0 }  // variation selectors
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1F3FB...0x1F3FF).contains(v) { return 0 }  // skin-tone modifiers attach to the emoji before
        if u.properties.isEmojiPresentation { return 2 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x20000...0x2FFFD).contains(v) || (0x30000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Columns a grapheme cluster takes (an emoji sequence counts once).
    public static func width(_ c: Character) -> Int {
        var first = true
        var w = 0
        for u in c.unicodeScalars {
            if first {
                w = width(u)
                first = false
            } else if u.value == 0xFE0F && w == 1 {
                w = 2
            }  // text symbol asked to show as emoji
        }
        return w
    }

    public static func width(_ s: String) -> Int {
        // Printable ASCII is one column a byte: no grapheme breaking, no Unicode tables.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        return s.reduce(0) { $0 + width($1) }
    }

    /// Fits `s` into `columns`: cut on a character boundary with "…" when too long,
    /// never splitting a wide character, never overflowing.
    public static func truncate(_ s: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(s) <= columns { return s }
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return String(decoding: s.utf8.prefix(columns - 1), as: UTF8.self) + "…"
        }
        var out = ""
        var used = 0
        for c in s {
            let w = width(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The end of `s` that fits into `columns`, after a "…" when the start is cut: what a
    /// line being typed shows, so the cursor stays in view.
    public static func tail(_ s: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(s) <= columns { return s }
        var out: [Character] = []
        var used = 0
        for c in s.reversed() {
            let w = width(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return "…" + String(out.reversed())
    }

    /// `s` in lines of at most `columns`, broken at spaces where it can be and inside a word
    /// only when the word alone is too long.
    public static func wrap(_ s: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if width(candidate) <= columns {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = word
            while width(line) > columns {
                var head = ""
                var used = 0
                for c in line {
                    if used + width(c) > columns { break }
                    head.append(c)
                    used += width(c)
                }
                lines.append(head)
                line = String(line.dropFirst(head.count))
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `s` truncated or padded with spaces to exactly `columns` wide.
    public static func pad(_ s: String, to columns: Int, right: Bool = false) -> String {
        pad(s, width: width(s), to: columns, right: right)
    }

    /// `pad` for text whose width the caller already measured.
    public static func pad(_ s: String, width w: Int, to columns: Int, right: Bool = false) -> String {
        if w > columns {
            let t = truncate(s, to: columns)
            let fill = String(repeating: " ", count: max(0, columns - width(t)))
            return right ? fill + t : t + fill
        }
        let fill = String(repeating: " ", count: columns - w)
        return right ? fill + s : s + fill
    }
}
