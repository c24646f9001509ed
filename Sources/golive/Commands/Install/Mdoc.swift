/// Text for an mdoc(7) page, escaped for its grammar: a backslash would start an escape, a
/// leading `.` or `'` a request, and a word on a macro line that names a macro would call it.
enum Mdoc {
    /// A text line, read as written.
    static func text(_ s: String) -> String {
        let line = escaped(oneLine(s))
        return line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
    }

    /// One macro argument, quoted, never taken for a macro.
    static func argument(_ s: String) -> String {
        "\"\\&" + escaped(oneLine(s)).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    private static func escaped(_ s: String) -> String { s.replacingOccurrences(of: "\\", with: "\\e") }

    private static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }
}
