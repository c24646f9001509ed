import GoliveDomain

/// Text from data written into Markdown (the plan, the digest, the Markdown reports) so
/// that a renderer shows it as the same text and makes nothing of it: no HTML, link,
/// image, autolink, heading, list, quote, rule, emphasis, code, table cell or entity.
enum Markdown {
    /// The ASCII punctuation that starts or ends Markdown syntax anywhere on a line, in
    /// CommonMark and in GFM's tables, strikethrough and autolinks. A backslash before an
    /// ASCII punctuation character always means that character as text. `:` and `.` are
    /// here because without them `http://…` and `www.…` become links. The rest of ASCII
    /// punctuation (`" ' , / ; ? %`) is never syntax once these are escaped, and stays
    /// readable.
    static let escaped: Set<Unicode.Scalar> = [
        "!", "#", "$", "&", "(", ")", "*", "+", "-", ".", ":", "<", "=", ">", "@", "[", "\\", "]", "^", "_", "`",
        "{", "|", "}", "~",
    ]

    /// `s` made inert (control characters shown, a line break made a space: one line stays
    /// one line and a table cell one cell), its syntax characters backslash-escaped, and
    /// spaces at either end written as `&#32;`: four leading spaces would start a code
    /// block, and two trailing ones a line break.
    static func text(_ s: String) -> String {
        let inert = Text.inert(s)
        guard inert.unicodeScalars.contains(where: { escaped.contains($0) || $0 == " " }) else { return inert }
        let scalars = Array(inert.unicodeScalars)
        let first = scalars.firstIndex { $0 != " " } ?? scalars.count
        let last = scalars.lastIndex { $0 != " " }.map { $0 + 1 } ?? first
        var out = String(repeating: "&#32;", count: first)
        var body = String.UnicodeScalarView()
        for u in scalars[first..<last] {
            if escaped.contains(u) { body.append("\\") }
            body.append(u)
        }
        out += String(body)
        out += String(repeating: "&#32;", count: scalars.count - last)
        return out
    }
}
