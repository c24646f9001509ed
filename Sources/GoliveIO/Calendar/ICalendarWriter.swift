import Foundation

/// An iCalendar (RFC 5545) document written line by line: values escaped (backslash, `;`,
/// `,`, line breaks), lines folded at 75 octets without splitting a character, CRLF line
/// ends. Only what golive writes: all-day events. Works on UTF-8 bytes: a team's calendar
/// is tens of megabytes, and walking it as Swift characters took most of its time.
struct ICalendarWriter {
    private(set) var bytes: [UInt8] = []
    private var current: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// One `NAME:value` content line, the value escaped as TEXT.
    mutating func text(_ name: String, _ value: String) {
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: name.utf8)
        current.append(UInt8(ascii: ":"))
        Self.escape(value, into: &current)
        fold()
    }

    /// One content line written as given (a date, a UID already safe).
    mutating func line(_ content: String) {
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: content.utf8)
        fold()
    }

    /// The current line folded at 75 octets, continuation lines starting with a space (which counts),
    /// never between the bytes of one character.
    private mutating func fold() {
        var start = 0
        var room = 75
        while current.count - start > room {
            var end = start + room
            while end > start && (current[end] & 0xC0) == 0x80 { end -= 1 }
            bytes.append(contentsOf: current[start..<end])
            bytes.append(contentsOf: [13, 10, 32])
            start = end
            room = 74
        }
        bytes.append(contentsOf: current[start...])
        bytes.append(contentsOf: [13, 10])
    }

    /// TEXT as RFC 5545 §3.3.11 writes it; control characters other than line breaks dropped.
    static func escape(_ value: String, into out: inout [UInt8]) {
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case UInt8(ascii: ";"): out.append(contentsOf: [92, 59])
            case UInt8(ascii: ","): out.append(contentsOf: [92, 44])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0..<32, 127: continue
            default: out.append(b)
            }
        }
        // C1 controls (U+0080–U+009F: C2 80–C2 9F) are dropped too.
        if out.contains(0xC2) {
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(out.count)
            var i = 0
            while i < out.count {
                if out[i] == 0xC2 && i + 1 < out.count && (0x80...0x9F).contains(out[i + 1]) {
                    i += 2
                    continue
                }
                cleaned.append(out[i])
                i += 1
            }
            out = cleaned
        }
    }

    static func escaped(_ value: String) -> String {
        var out: [UInt8] = []
        escape(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
