import GoliveDomain
import GoliveStore

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

    /// The rows as one JSON array, inert for a terminal as `Text.inertJSON` makes it, with
    /// the final line break: written once, never copied whole again.
    static func document(_ rows: [Value]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 512)
        write(.array(rows), indent: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: Value, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let s): string(s, into: &out)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            array(items, indent: indent, into: &out) { write($0, indent: indent + 2, into: &$1) }
        case .object(let fields):
            var o = Object(indent: indent)
            for f in fields.compactMap({ f in f.value.map { (key: f.key, value: $0) } }).sorted(by: { $0.key < $1.key })
            {
                o.key(f.key, into: &out)
                write(f.value, indent: indent + 2, into: &out)
            }
            o.close(into: &out)
        }
    }

    /// An array as the encoder lays it out, each item written by `item` at `indent + 2`.
    static func array<C: Collection>(
        _ items: C, indent: Int, into out: inout [UInt8], item: (C.Element, inout [UInt8]) -> Void
    ) {
        out.append(contentsOf: "[\n".utf8)
        var first = true
        for x in items {
            if !first { out.append(contentsOf: ",\n".utf8) }
            first = false
            pad(indent + 2, &out)
            item(x, &out)
        }
        out.append(contentsOf: "\n".utf8)
        pad(indent, &out)
        out.append(UInt8(ascii: "]"))
    }

    /// An array of texts, without boxing each as a `Value`.
    static func strings(_ items: [String], indent: Int, into out: inout [UInt8]) {
        array(items, indent: indent, into: &out) { string($0, into: &$1) }
    }

    /// An object written field by field; the caller gives the keys in sorted order and
    /// leaves out what is nil, as the encoder does.
    struct Object {
        let indent: Int
        private var first = true

        init(indent: Int) {
            self.indent = indent
        }

        mutating func key(_ k: String, into out: inout [UInt8]) {
            open(&out)
            string(k, into: &out)
            out.append(contentsOf: " : ".utf8)
        }

        /// A key known when golive is built: plain ASCII, written as it is.
        mutating func key(_ k: StaticString, into out: inout [UInt8]) {
            open(&out)
            out.append(UInt8(ascii: "\""))
            k.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: "\" : ".utf8)
        }

        private mutating func open(_ out: inout [UInt8]) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out.append(UInt8(ascii: "\n"))
            first = false
            pad(indent + 2, &out)
        }

        /// A text field; none when `value` is nil, as the encoder leaves it out.
        mutating func text(_ k: StaticString, _ value: String?, into out: inout [UInt8]) {
            guard let value else { return }
            key(k, into: &out)
            ReportJSON.string(value, into: &out)
        }

        mutating func number(_ k: StaticString, _ value: Int, into out: inout [UInt8]) {
            key(k, into: &out)
            ReportJSON.digits(value, into: &out)
        }

        mutating func flag(_ k: StaticString, _ value: Bool, into out: inout [UInt8]) {
            key(k, into: &out)
            out.append(contentsOf: (value ? "true" : "false").utf8)
        }

        mutating func texts(_ k: StaticString, _ values: [String], into out: inout [UInt8]) {
            key(k, into: &out)
            ReportJSON.strings(values, indent: indent + 2, into: &out)
        }

        func close(into out: inout [UInt8]) {
            if first { out.append(contentsOf: "{\n".utf8) }
            out.append(contentsOf: "\n".utf8)
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Objects already written (at indent 2), as one array in `order`, handed to `emit` in
    /// pieces of about 64 KB with the final line break: the bytes `document` would give.
    static func document(
        objects: [[UInt8]], order: [Int], emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var pieces = Pieces()
        for i in order { try pieces.add(objects[i], emit: emit) }
        try pieces.finish(emit: emit)
    }

    /// The array of `document(objects:order:emit:)` built as its objects come, in as many
    /// calls as they come in: what lets a report write its first rows before the last are made.
    struct Pieces {
        private static let size = 1 << 16
        private var out: [UInt8] = []
        private var first = true

        init() {
            out.reserveCapacity(Self.size + 4096)
            out.append(contentsOf: "[\n".utf8)
        }

        mutating func add(_ object: [UInt8], emit: (UnsafeRawBufferPointer) throws -> Void) throws {
            if !first { out.append(contentsOf: ",\n".utf8) }
            first = false
            pad(2, &out)
            out.append(contentsOf: object)
            if out.count >= Self.size {
                try out.withUnsafeBytes(emit)
                out.removeAll(keepingCapacity: true)
            }
        }

        mutating func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
            out.append(contentsOf: "\n]\n".utf8)
            try out.withUnsafeBytes(emit)
            out.removeAll()
        }
    }

    static func pad(_ n: Int, _ out: inout [UInt8]) {
        if n <= spaces.count {
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 16)

    static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string as the encoder escapes it (quote, backslash, and C0 controls, with
    /// their short forms where JSON has one), and with every other character a terminal
    /// could act on escaped as `Text.inertJSON` escapes it.
    static func string(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { string(bytes: UnsafeRawBufferPointer($0), into: &out) }
    }

    /// The same from UTF-8 bytes (repaired as `String(decoding:as:)` repairs them).
    static func string(bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most texts need no escape: copied whole.
        if !bytes.contains(where: { $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return
        }
        let s = String(decoding: bytes, as: UTF8.self)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case 0x5C: out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case let v where v < 0x20 || Text.isUnsafe(u):
                out.append(contentsOf: "\\u".utf8)
                for shift in [12, 8, 4, 0] { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
            default: UTF8.encode(u) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The overdue report's JSON written as the store's cursor reads the tasks: the same
    /// bytes as `document(rows.map(\.json))`, with no row or string made on the way.
    static func overdueDocument(
        today: Day, _ source: (_ body: (OverdueTaskBytes) throws -> Void) throws -> Void
    ) throws -> String {
        var all: [UInt8] = []
        try overdueDocument(today: today, source) { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }

    /// The same, handed to `emit` in pieces of about 64 KB as it is written: memory stays
    /// flat however many tasks are overdue, and nothing is copied whole.
    static func overdueDocument(
        today: Day, _ source: (_ body: (OverdueTaskBytes) throws -> Void) throws -> Void,
        emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try withoutActuallyEscaping(emit) { emit in try overdueDocument(today: today, source, escapingEmit: emit) }
    }

    private static func overdueDocument(
        today: Day, _ source: (_ body: (OverdueTaskBytes) throws -> Void) throws -> Void,
        escapingEmit emit: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let piece = 1 << 16
        var out: [UInt8] = Array("[\n".utf8)
        out.reserveCapacity(piece + 4096)
        var first = true
        try source { t in
            // Each row's fixed bytes as ready arrays: appending them is a copy, where text
            // appended piece by piece through its UTF-8 view was a tenth of the report.
            out.append(contentsOf: first ? OverdueBytes.firstOpen : OverdueBytes.open)
            first = false
            func text(_ f: OverdueTaskBytes.Field) { t.withBytes(f) { string(bytes: $0, into: &out) } }
            text(.account)
            out.append(contentsOf: OverdueBytes.csm)
            text(.csm)
            out.append(contentsOf: OverdueBytes.daysOverdue)
            digits(today - t.due, into: &out)
            out.append(contentsOf: OverdueBytes.due)
            // The stored text, already checked to be a day.
            text(.due)
            out.append(contentsOf: OverdueBytes.lane)
            text(.lane)
            out.append(contentsOf: OverdueBytes.owner)
            text(.owner)
            out.append(contentsOf: OverdueBytes.status)
            text(.status)
            out.append(contentsOf: OverdueBytes.task)
            text(.title)
            out.append(contentsOf: OverdueBytes.close)
            if out.count >= piece {
                try out.withUnsafeBytes(emit)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: "\n]\n".utf8)
        try out.withUnsafeBytes(emit)
    }

    /// The overdue rows' fixed text, keys in the encoder's sorted order.
    private enum OverdueBytes {
        static let firstOpen = Array("  {\n    \"account\" : ".utf8)
        static let open = Array(",\n  {\n    \"account\" : ".utf8)
        static let csm = key("csm")
        static let daysOverdue = key("days_overdue")
        static let due = key("due")
        static let lane = key("lane")
        static let owner = key("owner")
        static let status = key("status")
        static let task = key("task")
        static let close = Array("\n  }".utf8)

        static func key(_ k: String) -> [UInt8] { Array(",\n    \"\(k)\" : ".utf8) }
    }

    /// A whole number in decimal, as the encoder writes it, without making a string of it.
    static func digits(_ n: Int, into out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var divisor: UInt = 1
        while divisor <= v / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(v / divisor))
            v %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
