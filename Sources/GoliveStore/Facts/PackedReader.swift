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

    mutating func bool() -> Bool { int() == 1 }

    mutating func id() -> Int64 {
        guard at + 8 <= raw.count else {
            broken = true
            return 0
        }
        defer { at += 8 }
        return Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
    }

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

    /// A text `PackedWriter.put(optional:)` wrote: nil where its count is -1.
    mutating func optionalText() -> String? {
        guard at + 4 <= raw.count else {
            broken = true
            return nil
        }
        if Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self)) == -1 {
            at += 4
            return nil
        }
        return text()
    }

    /// A word of one of the domain's enums; a word the enum lacks breaks the reading.
    mutating func word<T: RawRepresentable>() -> T? where T.RawValue == String {
        let value = T(rawValue: text())
        if value == nil { broken = true }
        return value
    }

    mutating func optionalWord<T: RawRepresentable>() -> T? where T.RawValue == String {
        guard let text = optionalText() else { return nil }
        let value = T(rawValue: text)
        if value == nil { broken = true }
        return value
    }
}
