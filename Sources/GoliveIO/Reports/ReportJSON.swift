import GoliveDomain

/// Writes report rows exactly as `Reports.json` does with Foundation's encoder — sorted
/// keys, pretty printed, slashes unescaped, missing values left out — in a single pass.
/// The portfolio runs to 20 MB of JSON at 10,000 accounts and the overdue report to
/// 30,000 rows, and the generic encoder spent most of their time building and walking a
/// tree of boxed values. A test holds the two byte-for-byte equal on hostile text.
enum ReportJSON {
    indirect enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case array([Value])
        /// Fields in any order; a nil value is left out, as the encoder leaves out nil optionals.
        case object([(key: String, value: Value?)])
    }

    /// The rows as one JSON array, made inert for a terminal, with the final line break.
    static func document(_ rows: [Value]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 512)
        write(.array(rows), indent: 0, into: &out)
        return Text.inertJSON(String(decoding: out, as: UTF8.self)) + "\n"
    }

    static func write(_ value: Value, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let s): string(s, into: &out)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                pad(indent + 2, &out)
                write(item, indent: indent + 2, into: &out)
            }
            out.append(contentsOf: "\n".utf8)
            pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(contentsOf: "{\n".utf8)
            let present = fields.compactMap { f in f.value.map { (key: f.key, value: $0) } }.sorted { $0.key < $1.key }
            for (i, f) in present.enumerated() {
                if i > 0 { out.append(contentsOf: ",\n".utf8) }
                pad(indent + 2, &out)
                string(f.key, into: &out)
                out.append(contentsOf: " : ".utf8)
                write(f.value, indent: indent + 2, into: &out)
            }
            out.append(contentsOf: "\n".utf8)
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func pad(_ n: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
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
