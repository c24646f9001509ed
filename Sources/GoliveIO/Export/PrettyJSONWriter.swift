import Foundation
import GoliveDomain

/// Writes `Encodable` values byte for byte as `JSONEncoder` with `.prettyPrinted`,
/// `.sortedKeys`, `.withoutEscapingSlashes` and `JSONKeys.encoding` does, followed by
/// `Text.inertJSON` — straight into bytes, one value at a time.
///
/// Why not `JSONEncoder`: it builds a tree of boxed values for the whole document before
/// writing a byte; a 10,000-account export took 45 s and 3.1 GB that way. Here each value
/// is written where it will stay, and only an object's members are moved once, into their
/// sorted order, when the object is complete (which is known: the writer itself calls
/// `encode(to:)` and sees it return).
///
/// Its state is only ever touched by the one thread writing with it, and never through
/// two accesses at once: the run-time exclusivity checks on it (a fifth of an export's
/// time) are left out.
final class PrettyJSONWriter {
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []

    /// Every key met so far, each with its place in the sorted order of all of them, so
    /// that sorting an object's members compares two integers. Keys are few (the types'
    /// field names), so the places are worked out again whenever a new one comes.
    @exclusivity(unchecked) private var table: [JSONKey] = []
    private var converted: [String: Int] = [:]
    private var asTheyAre: [String: Int] = [:]

    /// Frames are reused level by level: values nest strictly, one inside the other.
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var level = 0

    /// Whether a type is a dictionary keyed by text, asked once per type.
    private var dictionaries: [ObjectIdentifier: Bool] = [:]

    /// Object members are sorted through this scratch space, kept between objects.
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    /// Hands over what was written and starts empty again.
    func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Writes `value` as if it sat `depth` levels deep: its closing bracket is indented to
    /// `depth`, its members to `depth + 1`. The caller writes what comes before it.
    func write<T: Encodable>(_ value: T, depth: Int) throws {
        // Checked on the type first: a cast tried on every value was a tenth of the export.
        if T.self == String.self, let s = value as? String {
            writeString(s)
            return
        }
        if T.self == Int64.self, let n = value as? Int64 {
            writeInteger(n)
            return
        }
        if level == frames.count { frames.append(Frame()) }
        let frame = frames[level]
        frame.reset(depth: depth, start: bytes.count)
        // JSONEncoder writes a dictionary's keys as they are, whatever its key strategy.
        frame.keysAsTheyAre = isDictionary(T.self)
        level += 1
        defer { level -= 1 }
        try value.encode(to: FrameEncoder(writer: self, frame: frame))
        finish(frame)
    }

    private func isDictionary(_ type: Any.Type) -> Bool {
        let id = ObjectIdentifier(type)
        if let known = dictionaries[id] { return known }
        let answer = type is any StringKeyedDictionary.Type
        dictionaries[id] = answer
        return answer
    }

    /// The key's place in `table`.
    func key(_ name: String, asItIs: Bool) -> Int {
        if let k = asItIs ? asTheyAre[name] : converted[name] { return k }
        let spelled = asItIs ? name : JSONKeys.snakeCase(name)
        let start = bytes.count
        writeString(spelled)
        let quoted = Array(bytes[start...])
        bytes.removeSubrange(start...)
        table.append(JSONKey(raw: Array(spelled.utf8), quoted: quoted, rank: 0))
        let order = table.indices.sorted { table[$0].raw.lexicographicallyPrecedes(table[$1].raw) }
        for (rank, i) in order.enumerated() { table[i].rank = rank }
        if asItIs {
            asTheyAre[name] = table.count - 1
        } else {
            converted[name] = table.count - 1
        }
        return table.count - 1
    }

    /// Closes what `frame`'s value opened. An object's members were written in the order the
    /// type encoded them, each after the previous; they are copied out once and back in
    /// sorted order, with their keys and the indentation around them.
    func finish(_ frame: Frame) {
        switch frame.kind {
        case .single:
            return
        case .unkeyed:
            if frame.count == 0 {
                append("[\n\n")
            } else {
                append("\n")
            }
            indent(frame.depth)
            append("]")
        case .keyed, .none:
            let count = frame.members.count
            if count == 0 {
                bytes.removeSubrange(frame.start...)
                append("{\n\n")
                indent(frame.depth)
                append("}")
                return
            }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: bytes[frame.start...])
            bytes.removeSubrange(frame.start...)
            let end = frame.start + scratch.count
            // Members are few: an insertion sort on their keys' places, in place.
            for i in 1..<count {
                let m = frame.members[i]
                let rank = table[m.key].rank
                var j = i - 1
                while j >= 0 && table[frame.members[j].key].rank > rank {
                    frame.members[j + 1] = frame.members[j]
                    j -= 1
                }
                frame.members[j + 1] = m
            }
            bytes.append(UInt8(ascii: "{"))
            for n in 0..<count {
                let m = frame.members[n]
                bytes.append(n == 0 ? UInt8(ascii: "\n") : UInt8(ascii: ","))
                if n > 0 { bytes.append(UInt8(ascii: "\n")) }
                indent(frame.depth + 1)
                bytes += table[m.key].quoted
                append(" : ")
                bytes += scratch[(m.start - frame.start)..<((m.end == 0 ? end : m.end) - frame.start)]
            }
            bytes.append(UInt8(ascii: "\n"))
            indent(frame.depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    func append(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes += $0 }
    }

    func indent(_ depth: Int) {
        ReportJSON.pad(depth * 2, &bytes)
    }

    func writeInteger(_ n: Int64) {
        ReportJSON.digits(Int(n), into: &bytes)
    }

    /// Escaped as the reports escape text: as `JSONEncoder` does, then `Text.inertJSON`.
    func writeString(_ s: String) {
        ReportJSON.string(s, into: &bytes)
    }
}

/// A key as written: its bytes, by which members are sorted, its quoted form, and its place
/// among every key met.
struct JSONKey {
    var raw: [UInt8]
    var quoted: [UInt8]
    var rank: Int
}

/// A dictionary keyed by text, whose keys are data rather than a type's field names.
protocol StringKeyedDictionary {}

extension Dictionary: StringKeyedDictionary where Key == String {}
