import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

/// Text as the filter compares it: lower-cased, without accents or strokes ("bjork" finds
/// Björk, "lodz" finds Łódź), and composed (NFC); compared as UTF-8 bytes.
enum Folded {
    static func fold(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.utf8.allSatisfy({ $0 < 0x80 }) { return lower }
        let bare = lower.folding(options: [.diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for u in bare.unicodeScalars {
            if let plain = strokes[u] {
                out.append(contentsOf: plain.unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Letters that no decomposition strips to a plain one.
    static let strokes: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
        "ð": "d",
    ]

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
