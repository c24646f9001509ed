import Foundation

extension Canvas {
    /// The same screen in ASCII, one character a cell, for a terminal whose locale is not
    /// UTF-8 (it would print "?" or worse for the rest): punctuation and marks get their
    /// usual ASCII stand-ins, accented letters lose their accents, and what has no ASCII
    /// form (CJK, emoji) becomes "?" in each of its cells, so columns stay aligned.
    public func asciiOnly() -> Canvas {
        var out = self
        for i in out.cells.indices {
            let text = out.cells[i].text
            guard out.cells[i].continuation || !text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            out.cells[i].text = out.cells[i].continuation ? "?" : Canvas.ascii(text)
            out.cells[i].continuation = false
        }
        return out
    }

    static let standIns: [String: String] = [
        "…": "~", "·": ".", "—": "-", "–": "-", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "→": ">", "←": "<", "▾": "v", "▴": "^", "✔": "+", "✖": "x", "▲": "^", "●": "o", "▏": "|", "“": "\"",
        "”": "\"", "‘": "'", "’": "'", "×": "x", "€": "E", "£": "L", "°": "o",
    ]

    static func ascii(_ text: String) -> String {
        if let s = standIns[text] { return s }
        let bare = text.folding(options: [.diacriticInsensitive], locale: nil)
        if bare.count == 1, bare.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return bare }
        // The strokes are listed in lower case; a capital keeps its case ("Łódź" → "Lodz").
        if let plain = Folded.strokes[Unicode.Scalar(text.lowercased()) ?? " "] {
            let letter = String(plain.prefix(1))
            return text == text.lowercased() ? letter : letter.uppercased()
        }
        return "?"
    }
}
