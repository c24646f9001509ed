import GoliveDomain

/// Reads the little-endian numbers and texts a packed column holds, never past its end:
/// running out sets `broken` and reads zeros from then on.
struct PackedReader {
    let raw: UnsafeRawBufferPointer
    var at = 0
    var broken = false

    init(raw: UnsafeRawBufferPointer) { self.raw = raw }

    mutating func int() -> Int32 {
        guard at + 4 <= raw.count else {
            broken = true
            return 0
        }
        defer { at += 4 }
        return Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    /// A number, nil where `MetricFactsRows.none` was written.
    mutating func number() -> Int? {
        let v = int()
        return v == MetricFactsRows.none ? nil : Int(v)
    }

    mutating func day() -> Day? { number().map(Day.init(ordinal:)) }

    /// A length no longer than what is left, at least `size` bytes an element.
    mutating func count(_ size: Int = 4) -> Int {
        let n = Int(int())
        if n < 0 || n * size > raw.count - at { broken = true }
        return broken ? 0 : n
    }

    mutating func text() -> String {
        let n = count(1)
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + n]), as: UTF8.self)
    }
}
