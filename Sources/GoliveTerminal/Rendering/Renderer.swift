import GoliveDomain
import GoliveIO

/// Renders the state into a canvas. Only visible rows are built, so a frame costs the
/// same with 30 accounts or 100,000.
public struct Renderer: Sendable {
    public var glyphs: Glyphs

    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    public func render(_ s: AppState) -> Canvas {
        var c = Canvas(width: s.width, height: s.height)
        if s.tooSmall {
            tooSmall(s, &c)
            return c
        }
        switch s.screen {
        case .board: board(s, &c)
        case .account: account(s, &c)
        case .stalled: stalled(s, &c)
        case .agenda: agenda(s, &c)
        case .metrics: metrics(s, &c)
        case .changes: changes(s, &c)
        case .history: history(s, &c)
        case .touchpoints: touchpoints(s, &c)
        case .timeline: timeline(s, &c)
        }
        if s.helpOpen { help(s, &c) }
        if s.whyAccount != nil { why(s, &c) }
        if s.messagesOpen { messages(s, &c) }
        footer(s, &c)
        return glyphs.unicode ? c : c.asciiOnly()
    }

    func ragGlyph(_ r: RAG) -> String {
        glyphs.rag(r == .red ? .red : r == .amber ? .amber : .green) + " " + r.letter
    }

    func stateGlyph(_ st: CheckpointState) -> String {
        switch st {
        case .achieved: glyphs.rag(.achieved)
        case .onTrack: glyphs.rag(.green)
        case .atRisk: glyphs.rag(.amber)
        case .offTrack: glyphs.rag(.red)
        }
    }

    static func money(_ v: Int) -> String { Money.short(v) }

    static func relative(_ days: Int) -> String { days == 0 ? "today" : days > 0 ? "+\(days)d" : "\(days)d" }

    /// "; moved 2×, +12d on plan" after a go-live date that moved ("" when it never did).
    static func slip(_ days: Int, moves: Int) -> String {
        guard moves > 0 else { return "" }
        return "; moved \(moves)×, " + (days == 0 ? "as first planned" : "\(days > 0 ? "+" : "")\(days)d on plan")
    }

    /// "(+12)" after a checkpoint's date when it stands away from its first plan.
    static func slipMark(_ days: Int) -> String { days == 0 ? "" : days > 0 ? "(+\(days))" : "(\(days))" }

    static func short(_ d: Day) -> String { String(d.iso.dropFirst(5)) }

    /// Draws `lines` (built for the whole screen) from `top`, keeping `selected` in view;
    /// returns the top actually used.
    @discardableResult
    func list(_ lines: [(text: String, role: Role, selected: Bool)], top: Int, y0: Int, height: Int, _ c: inout Canvas)
        -> Int
    {
        list(
            count: lines.count, selected: lines.firstIndex { $0.selected }, top: top, y0: y0, height: height,
            line: { (lines[$0].text, lines[$0].role) }, &c)
    }

    /// A list of `count` lines of which only those on screen are made (by `line`): what
    /// keeps a key on a list of 30,000 lines as quick as on one of 30. The selected line is
    /// kept in view, with the heading above it when it is the first.
    @discardableResult
    func list(
        count: Int, selected sel: Int?, top: Int, y0: Int, height: Int, line: (Int) -> (text: String, role: Role),
        _ c: inout Canvas
    ) -> Int {
        var first = max(0, min(top, count - height))
        if let sel {
            if sel < first { first = sel }
            if sel >= first + height { first = sel - height + 1 }
            if sel == first && first > 0 && line(first - 1).role == .title { first -= 1 }  // keep the group's heading
        }
        for (i, n) in (first..<min(count, first + max(0, height))).enumerated() {
            let made = line(n)
            c.put(made.text, x: 0, y: y0 + i, role: made.role, highlighted: n == sel)
            if n == sel { c.restyle(y: y0 + i, highlighted: true) }
        }
        return first
    }

    /// A screen's title and what it sums up, in their order; on a narrow screen the parts
    /// with the highest `drop` number give way first, so what the screen is showing stays.
    func header(_ s: AppState, _ title: String, parts: [(text: String, drop: Int)], _ c: inout Canvas) {
        let room = s.width - (s.readOnly ? 6 : 0) - 1
        var kept = parts
        var title = title
        func line() -> String { title + "  \(glyphs.separator) " + kept.map(\.text).joined(separator: " · ") }
        while Text.width(line()) > room, let worst = kept.indices.max(by: { kept[$0].drop < kept[$1].drop }),
            kept[worst].drop > 0
        {
            kept.remove(at: worst)
        }
        // What is never dropped (a date, a count) stays whole: the title gives way to it first.
        let over = Text.width(line()) - room
        if over > 0 { title = Text.truncate(title, to: max(12, Text.width(title) - over)) }
        header(s, line(), &c)
    }

    func header(_ s: AppState, _ title: String, _ c: inout Canvas) {
        c.fill(y: 0, role: .header)
        let badge = s.badge.map { " \($0) " } ?? ""
        c.put(" " + title, x: 0, y: 0, role: .header, maxWidth: s.width - Text.width(badge))
        if !badge.isEmpty { c.put(badge, x: s.width - Text.width(badge), y: 0, role: .badge) }
    }
}
