import GoliveDomain

/// Text from data written into Markdown (the plan, the digest, the Markdown reports) so
/// that a renderer shows it as the same text and makes nothing of it: no HTML, link,
/// image, autolink, heading, list, quote, rule, emphasis, code, table cell or entity.
enum Markdown {
    /// The ASCII punctuation that starts or ends Markdown syntax anywhere on a line, in
    /// CommonMark and in GFM's tables, strikethrough and autolinks. A backslash before an
    /// ASCII punctuation character always means that character as text. `.` and `@` are
    /// here because without them `www.…`, `evil.com` and `a@b.c` become links (and `:`
    /// before `/`, below, for `http://…`).
    static let escaped: Set<Unicode.Scalar> = [
        "!", "$", "&", "*", ".", "<", "@", "[", "\\", "]", "^", "_", "`", "{", "|", "}", "~",
    ]

    /// What is syntax only where a line begins (a list item, a heading, a quote, a rule, a
    /// setext underline; `1)` after digits): escaped at the start of the text, so that dates
    /// (`2026-10-07`) and asides in parentheses read as they are written.
    static let escapedFirst: Set<Unicode.Scalar> = ["-", "+", "=", "#", ">"]

    /// `s` made inert (control characters shown, a line break made a space: one line stays
    /// one line and a table cell one cell), its syntax characters backslash-escaped, and
    /// spaces at either end written as `&#32;`: four leading spaces would start a code
    /// block, and two trailing ones a line break.
    static func text(_ s: String) -> String {
        let inert = Text.inert(s)
        guard
            inert.unicodeScalars.contains(where: {
                escaped.contains($0) || escapedFirst.contains($0) || $0 == " " || $0 == ":"
            })
        else { return inert }
        let scalars = Array(inert.unicodeScalars)
        let first = scalars.firstIndex { $0 != " " } ?? scalars.count
        let last = scalars.lastIndex { $0 != " " }.map { $0 + 1 } ?? first
        var out = String(repeating: "&#32;", count: first)
        var body = String.UnicodeScalarView()
        let leadingDigits = scalars[first..<last].prefix { $0.properties.numericType == .decimal }.count
        for (i, u) in scalars[first..<last].enumerated() {
            let next = first + i + 1 < last ? scalars[first + i + 1] : nil
            let startsABlock =
                (i == 0 && escapedFirst.contains(u)) || (i == leadingDigits && i > 0 && (u == ")" || u == "."))
            if escaped.contains(u) || startsABlock || (u == ":" && next == "/") {
                body.append("\\")
            }
            body.append(u)
        }
        out += String(body)
        out += String(repeating: "&#32;", count: scalars.count - last)
        return out
    }
}
