import CSV
import Foundation
import GoliveDomain
import GoliveStore

extension Reports {
    public static func number(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }

    /// Data written into Markdown as text: a `|` cannot split a table cell, nor `*`, `_` or
    /// a backtick start emphasis or code, and a line break was made a space by `inert`.
    static func md(_ s: String) -> String {
        Text.inert(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "*", with: "\\*")
            .replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "`", with: "\\`")
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = JSONKeys.encoding
        return Text.inertJSON(String(decoding: try e.encode(value), as: UTF8.self)) + "\n"
    }
}
