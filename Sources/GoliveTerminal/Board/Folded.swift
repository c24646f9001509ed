import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// Text as the filter compares it (`Folding`, shared with the CSM matcher), compared as
/// UTF-8 bytes.
enum Folded {
    static func fold(_ text: String) -> String { Folding.fold(text) }

    static var strokes: [Unicode.Scalar: String] { Folding.strokes }

    /// Whether `needle` (folded, as bytes) occurs in `haystack` (folded).
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        func search(_ hb: UnsafeBufferPointer<UInt8>) -> Bool {
            needle.withUnsafeBufferPointer { nb in
                guard nb.count <= hb.count else { return false }
                let first = nb[0]
                outer: for i in 0...(hb.count - nb.count) where hb[i] == first {
                    for j in 1..<nb.count where hb[i + j] != nb[j] { continue outer }
                    return true
                }
                return false
            }
        }
        return haystack.utf8.withContiguousStorageIfAvailable(search)
            ?? Array(haystack.utf8).withUnsafeBufferPointer(search)
    }
}
