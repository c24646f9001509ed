import Foundation
import GoliveDomain

/// Writes what `PackedReader` reads: little-endian 32-bit numbers (`none` for nil), 64-bit
/// ids, texts as a byte count and UTF-8 (a count of -1 for a missing text).
struct PackedWriter {
    static let none = Int32.min
    var out: Data

    init(capacity: Int) { out = Data(capacity: capacity) }

    mutating func put(_ v: Int?) {
        withUnsafeBytes(of: (v.map { Int32(clamping: $0) } ?? PackedWriter.none).littleEndian) {
            out.append(contentsOf: $0)
        }
    }

    mutating func put(_ d: Day?) { put(d?.ordinal) }

    mutating func put(_ b: Bool) { put(b ? 1 : 0) }

    mutating func put(id: Int64) { withUnsafeBytes(of: id.littleEndian) { out.append(contentsOf: $0) } }

    mutating func put(_ s: String) {
        let bytes = Array(s.utf8)
        put(bytes.count)
        out.append(contentsOf: bytes)
    }

    mutating func put(optional s: String?) {
        guard let s else { return put(-1) }
        put(s)
    }
}
