import CSV
import Foundation
import GoliveDomain
import GoliveStore

/// A table of text for terminals (aligned by display width), CSV and Markdown. Every cell
/// is made inert first: text from data never reaches a terminal raw.
public struct TextTable {
    public var columns: [String]
    public var rightAligned: Set<Int>
    public var rows: [[String]]
    /// Columns of whole currency units: plain numbers in CSV, "$480k" where people read.
    public var money: Set<Int>

    public init(columns: [String], rightAligned: Set<Int> = [], money: Set<Int> = [], rows: [[String]]) {
        self.columns = columns
        self.rightAligned = rightAligned
        self.money = money
        self.rows = rows.map { $0.map(Text.inert) }
    }

    /// A column's name in words, for readers: "ball_in_court" → "Ball in court".
    static func heading(_ column: String) -> String {
        let words = column.split(separator: "_").map { w -> String in
            ["arr", "csm", "sla", "rag"].contains(String(w)) ? w.uppercased() : String(w)
        }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The table aligned for reading. With `maxColumnWidth`, a longer cell is cut with "…"
    /// to keep a terminal's columns in line; nil (output to a pipe or a file) cuts nothing.
    /// No line ends in spaces. Amounts read as the board shows them ("$493.5k").
    public func text(maxColumnWidth: Int? = 60) -> String {
        let shown = rows.map { r in
            r.enumerated().map { i, c in money.contains(i) ? Int(c).map(Money.short) ?? c : c }
        }
        // Each cell is measured once; large reports spend their time here.
        let cellWidths = shown.map { $0.map(Text.width) }
        let limit = maxColumnWidth ?? Int.max
        var widths = columns.map(Text.width)
        for r in cellWidths { for (i, w) in r.enumerated() { widths[i] = min(limit, max(widths[i], w)) } }
        func line(_ cells: [String], _ ws: [Int]) -> String {
            var out = ""
            for (i, c) in cells.enumerated() {
                if i > 0 { out += "  " }
                if i == cells.count - 1 && !rightAligned.contains(i) {
                    let cut = maxColumnWidth.map { ws[i] > $0 * 3 } ?? false
                    out += cut ? Text.truncate(c, to: limit * 3) : c
                } else {
                    out += Text.pad(c, width: ws[i], to: widths[i], right: rightAligned.contains(i))
                }
            }
            while out.last == " " { out.removeLast() }
            return out
        }
        let header = columns.map { $0.uppercased().replacingOccurrences(of: "_", with: " ") }
        var out = line(header, header.map(Text.width)) + "\n"
        for (r, ws) in zip(shown, cellWidths) { out += line(r, ws) + "\n" }
        if rows.isEmpty { out += "(none)\n" }
        return out
    }

    public func csv() throws -> String {
        let stream = OutputStream(toMemory: ())
        let w = try CSVWriter(stream: stream)
        try w.write(row: columns)
        for r in rows { try w.write(row: r.map(SpreadsheetCell.neutralised)) }
        w.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public func markdown() -> String {
        var out = "| " + columns.map(TextTable.heading).joined(separator: " | ") + " |\n"
        out += "|" + columns.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for r in rows {
            // An amount is golive's own words ("$480k"); anything else in a cell is data.
            let cells = r.enumerated().map { i, c in
                money.contains(i) ? Int(c).map(Money.short) ?? Markdown.text(c) : Markdown.text(c)
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
