import Foundation
import GoliveDomain

/// Writes what `PackedReader` reads: little-endian 32-bit numbers (`none` for nil), 64-bit
/// ids, texts as a byte count and UTF-8 (a count of -1 for a missing text). Into an array,
/// made a `Data` once at the end: appending a few bytes at a time to a `Data` took a tenth
/// of an import.
struct PackedWriter {
    static let none = Int32.min
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var out: Data { Data(bytes) }

    mutating func put(_ v: Int?) {
        withUnsafeBytes(of: (v.map { Int32(clamping: $0) } ?? PackedWriter.none).littleEndian) {
            bytes.append(contentsOf: $0)
        }
    }

    mutating func put(_ d: Day?) { put(d?.ordinal) }

    mutating func put(_ b: Bool) { put(b ? 1 : 0) }

    mutating func put(id: Int64) { withUnsafeBytes(of: id.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func put(_ s: String) {
        put(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func put(optional s: String?) {
        guard let s else { return put(-1) }
        put(s)
    }
}
