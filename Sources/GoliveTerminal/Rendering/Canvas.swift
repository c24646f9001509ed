import GoliveDomain

/// The screen as data: views draw here, tests read it, the backend copies it out.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` at (x, y), never past `x + maxWidth` nor the right edge: text from data
    /// is made inert first, wide characters take two cells and are never split, and text
    /// that does not fit ends with "…". Returns the columns used.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil, highlighted: Bool = false
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width - max(0, x), maxWidth ?? Int.max)
        guard limit > 0 else { return 0 }
        let fitted = Text.truncate(Text.inert(text), to: limit)
        var col = max(0, x)
        for ch in fitted {
            let w = Text.width(ch)
            if w == 0 { continue }  // a lone zero-width character has no cell of its own
            guard col + w <= x + limit, col + w <= width else { break }
            set(col, y, Cell(text: String(ch), role: role, highlighted: highlighted, continuation: false))
            if w == 2 { set(col + 1, y, Cell(text: "", role: role, highlighted: highlighted, continuation: true)) }
            col += w
        }
        return col - max(0, x)
    }

    /// Paints a run of cells with a role (backgrounds of bars and selected rows).
    public mutating func fill(x: Int = 0, y: Int, width w: Int? = nil, role: Role, highlighted: Bool = false) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (w ?? width))
        for col in max(0, x)..<max(max(0, x), end) {
            set(col, y, Cell(text: " ", role: role, highlighted: highlighted, continuation: false))
        }
    }

    /// Writes one cell. Overwriting either half of a wide character blanks its other half,
    /// so a line never holds half a character (an overlay over CJK text stays aligned).
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        if cells[i].continuation && !cell.continuation && x > 0 {
            cells[i - 1].text = " "
        }
        if !cells[i].continuation, x + 1 < width, cells[i + 1].continuation {
            cells[i + 1] = Cell(
                text: " ", role: cells[i + 1].role, highlighted: cells[i + 1].highlighted, continuation: false)
        }
        cells[i] = cell
    }

    /// Re-styles existing cells without changing their text.
    public mutating func restyle(x: Int = 0, y: Int, width w: Int? = nil, role: Role? = nil, highlighted: Bool) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (w ?? width))
        for col in max(0, x)..<max(max(0, x), end) {
            if let role { cells[y * width + col].role = role }
            cells[y * width + col].highlighted = highlighted
        }
    }

    /// The text of each row (continuations skipped), for tests and golden files.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].continuation { s += self[x, y].text }
            return s
        }
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// One letter per cell naming its role (upper case when highlighted): a golden file's
    /// style map, so a colour or selection change shows in review.
    public var styleMap: String {
        (0..<height).map { y in
            (0..<width).map { x -> String in
                let c = self[x, y]
                let letter = Canvas.roleLetters[c.role] ?? "?"
                return c.highlighted ? letter.uppercased() : letter
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    static let roleLetters: [Role: String] = [
        .normal: ".", .header: "h", .footer: "f", .dim: "d", .selection: "s", .title: "t", .key: "k", .badge: "b",
        .detail: "i", .ragRed: "r", .ragAmber: "a", .ragGreen: "g", .achieved: "v", .overdue: "o", .stalled: "z",
        .changed: "c", .laneTitle: "l", .laneFocus: "m", .statusOK: "+", .statusError: "!", .prompt: "p",
        .timelineCritical: "x", .timelineToday: "n",
    ]
}
