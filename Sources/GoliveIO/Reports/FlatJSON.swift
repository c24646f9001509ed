import GoliveDomain

/// Writes an array of flat rows (string and integer fields) exactly as `Reports.json`
/// does with Foundation's encoder — sorted keys, pretty printed, slashes unescaped — in a
/// single pass. The overdue report runs to 30,000 rows at 10,000 accounts, and the generic
/// encoder spent most of the report's time building and walking a tree of boxed values.
/// A test holds the two byte-for-byte equal on hostile text.
enum FlatJSON {
    enum Value {
        case string(String)
        case int(Int)
    }

    /// `rows` give their fields in any order; every row must have the same keys.
    static func array(_ rows: [[(key: String, value: Value)]]) -> String {
        guard !rows.isEmpty else { return "[\n\n]" }
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 256)
        out.append(contentsOf: "[\n".utf8)
        let order = rows[0].indices.sorted { rows[0][$0].key < rows[0][$1].key }
        for (n, row) in rows.enumerated() {
            out.append(contentsOf: "  {\n".utf8)
            let fields = order.map { row[$0] }
            for (i, f) in fields.enumerated() {
                out.append(contentsOf: "    ".utf8)
                string(f.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                switch f.value {
                case .string(let s): string(s, into: &out)
                case .int(let v): out.append(contentsOf: String(v).utf8)
                }
                out.append(contentsOf: (i == fields.count - 1 ? "\n" : ",\n").utf8)
            }
            out.append(contentsOf: (n == rows.count - 1 ? "  }\n" : "  },\n").utf8)
        }
        out.append(contentsOf: "]".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string as the encoder escapes it: quote, backslash, and C0 controls (with
    /// their short forms where JSON has one).
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most texts need no escape: copied whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension OverdueRow {
    var jsonFields: [(key: String, value: FlatJSON.Value)] {
        [
            ("account", .string(account)), ("csm", .string(csm)), ("lane", .string(lane)), ("task", .string(task)),
            ("owner", .string(owner)), ("status", .string(status)), ("due", .string(due)),
            ("days_overdue", .int(daysOverdue)),
        ]
    }
}
