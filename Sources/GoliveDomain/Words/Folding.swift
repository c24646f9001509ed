import Foundation

/// Text as names are compared: lower-cased, without accents or strokes ("bjork" finds
/// Björk, "lodz" finds Łódź), and composed (NFC). The board's filter, the CSM matcher and
/// the ASCII fallback share it, so a name is found the same way everywhere.
public enum Folding {
    public static func fold(_ text: String) -> String {
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
    public static let strokes: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
        "ð": "d",
    ]

    /// The folded words of a name: letters and digits, split at everything else.
    public static func words(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
