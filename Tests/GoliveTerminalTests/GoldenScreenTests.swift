import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Golden screens: the canvas's text and a style map (one letter per cell naming its role,
/// upper case where highlighted), dates pinned to 2026-11-22.
///
/// Re-record after an intended change with:
///     GOLIVE_RECORD=1 swift test --filter GoldenScreenTests
/// then read the diff of Tests/GoliveTerminalTests/Golden/ before committing it.
@Suite(.serialized)
struct GoldenScreenTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func check(_ name: String, _ canvas: Canvas, extra: String = "", sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let body = canvas.text + "--- style ---\n" + canvas.styleMap + extra
        let file = Self.goldenDir.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["GOLIVE_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDir, withIntermediateDirectories: true)
            try Data(body.utf8).write(to: file)
            return
        }
        let expected = try #require(
            try? String(contentsOf: file, encoding: .utf8),
            "no golden file \(name).txt: record with GOLIVE_RECORD=1", sourceLocation: sourceLocation)
        if expected != body {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = body.split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(e, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, b.count)
            let golden = i < e.count ? String(e[i]) : "<end>"
            let actual = i < b.count ? String(b[i]) : "<end>"
            Issue.record(
                "\(name) differs at line \(i + 1):\n  golden: \(golden)\n  actual: \(actual)",
                sourceLocation: sourceLocation)
        }
        // Every golden screen obeys the terminal's geometry: no line wider than the canvas.
        for line in canvas.lines { #expect(Text.width(line) <= canvas.width, sourceLocation: sourceLocation) }
    }

    func board(_ w: Int, _ h: Int, unicode: Bool = true) throws -> (TempDir, Session, Renderer) {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: w, height: h)
        return (dir, s, Renderer(glyphs: Glyphs(unicode: unicode)))
    }

    /// How each role comes out on a terminal with `colors` colours (-: the terminal's own).
    func resolution(_ theme: Theme, colors: Int) -> String {
        "--- \(theme.name) at \(colors) colours ---\n"
            + Role.allCases.map { r in
                let s = theme.style(r)
                let fg = s.fg.number(colors: colors).map { $0 == -1 ? "-" : String($0) } ?? "none"
                let bg = s.bg.number(colors: colors).map { $0 == -1 ? "-" : String($0) } ?? "none"
                let attrs = [
                    s.bold ? "bold" : nil, s.dim ? "dim" : nil, s.reverse ? "reverse" : nil,
                    s.underline ? "underline" : nil,
                ].compactMap { $0 }
                return "\(r.rawValue): fg \(fg) bg \(bg) \(attrs.joined(separator: ","))"
            }.joined(separator: "\n") + "\n"
    }

    @Test func boardWide() throws {
        let (_, s, r) = try board(120, 40)
        try check("board-120x40", r.render(s.state))
    }

    @Test func boardNarrow() throws {
        let (_, s, r) = try board(80, 24)
        s.press(.char("j"), .char("j"))
        try check("board-80x24", r.render(s.state))
    }

    @Test func boardFilteredAndSortedWithAPrompt() throws {
        let (_, s, r) = try board(120, 40)
        s.press(.char("s"), .char("s"), .char("s"), .char("/"))
        s.type("a")
        try check("board-filter-prompt-120x40", r.render(s.state))
    }

    @Test func accountWide() throws {
        let (_, s, r) = try board(120, 40)
        s.open("Zürich")
        s.select("Send welcome pack")
        s.press(.char("b"))
        s.type("no contact at 東京 office")
        s.press(.enter)
        s.focus(.customer)
        try check("account-120x40", r.render(s.state))
    }

    @Test func accountNarrow() throws {
        let (_, s, r) = try board(80, 24)
        s.open("Acme")
        s.focus(.approval)
        s.press(.char("j"), .char("]"))
        try check("account-80x24", r.render(s.state))
    }

    @Test func help() throws {
        let (_, s, r) = try board(120, 40)
        s.press(.char("?"))
        try check("help-120x40", r.render(s.state))
        s.type("due")
        try check("help-filtered-120x40", r.render(s.state))
    }

    @Test func helpNarrow() throws {
        let (_, s, r) = try board(80, 24)
        s.open("Acme")
        s.press(.char("?"))
        try check("help-80x24", r.render(s.state))
    }

    @Test func tooSmall() throws {
        let (_, s, r) = try board(120, 40)
        s.send(.resize(width: 50, height: 12))
        try check("too-small-50x12", r.render(s.state))
    }

    @Test func noColorKeepsEveryStateReadable() throws {
        let (_, s, r) = try board(120, 40)
        try check("no-color-board-120x40", r.render(s.state), extra: resolution(Theme.default.monochrome, colors: 256))
    }

    @Test func deuteranopiaUsesBlueAndOrange() throws {
        let (_, s, r) = try board(120, 40)
        let theme = try ThemeFile.load(path: Self.repo.appendingPathComponent("Themes/deuteranopia.yaml").path)
        try check(
            "deuteranopia-board-120x40", r.render(s.state),
            extra: resolution(theme, colors: 256) + resolution(theme, colors: 16))
    }

    @Test func asciiGlyphsForANonUTF8Locale() throws {
        let (_, s, r) = try board(80, 24, unicode: false)
        try check("ascii-board-80x24", r.render(s.state))
        s.send(.resize(width: 60, height: 20))
        try check("ascii-board-60x20", r.render(s.state))
    }

    /// The board at the documented minimum and the usual sizes: whole columns give way in
    /// their stated order, and no date is ever cut.
    @Test(arguments: [(60, 20), (100, 30), (132, 40)])
    func boardAtEverySize(_ w: Int, _ h: Int) throws {
        let (_, s, r) = try board(w, h)
        let canvas = r.render(s.state)
        try check("board-\(w)x\(h)", canvas)
        let titles = canvas.lines[1]
        #expect(titles.contains("GO-LIVE") && titles.contains("ACCOUNT") && titles.contains("RAG"))
        for line in canvas.lines.dropFirst(2).prefix(s.state.boardListHeight) {
            // Every go-live shows its whole date: MM-DD, or YYYY-MM-DD on wide screens.
            #expect(line.contains(/\ (\d{4}-)?\d\d-\d\d(\ |$)/), "\(line)")
        }
    }
}

extension GoldenScreenTests {
    @Test func stalledReview() throws {
        let (_, s, r) = try board(120, 40)
        s.press(.char("2"), .char("j"))
        try check("stalled-120x40", r.render(s.state))
        s.send(.resize(width: 80, height: 24))
        try check("stalled-80x24", r.render(s.state))
    }

    @Test func agenda() throws {
        let (_, s, r) = try board(120, 40)
        s.press(.char("3"), .char("j"), .char("j"))
        try check("agenda-120x40", r.render(s.state))
    }

    @Test func changes() throws {
        let (_, s, r) = try board(120, 40)
        s.press(.char("5"), .char("j"))
        try check("changes-120x40", r.render(s.state))
        s.send(.resize(width: 80, height: 24))
        try check("changes-80x24", r.render(s.state))
    }

    @Test func anAccountOnHold() throws {
        let (_, s, r) = try board(120, 40)
        s.open("Acme")
        s.press(.char("P"))
        s.type("customer freeze until budget")
        s.press(.enter)
        try check("hold-prompt-120x40", r.render(s.state))
        s.press(.enter)
        try check("hold-account-120x40", r.render(s.state))
        s.send(.resize(width: 80, height: 24))
        try check("hold-account-80x24", r.render(s.state))
        s.press(.char("q"), .escape, .char("/"))
        s.type("hold")
        s.press(.enter)
        try check("hold-board-80x24", r.render(s.state))
    }

    @Test func aResumeOffer() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        let id = try #require(try store.accounts().first { $0.name.hasPrefix("Acme 🚀") }?.id)
        try store.perform(
            .hold(reason: "customer freeze", until: Day(iso: "2026-12-01")!), on: id, who: "lee",
            today: Day(iso: "2026-11-10")!)
        let s = try session(store, width: 100, height: 30)
        let r = Renderer(glyphs: Glyphs(unicode: true))
        s.press(.char("/"))
        s.type("hold")
        s.press(.enter)
        try check("resume-board-100x30", r.render(s.state))
        s.press(.enter, .char("P"))
        s.type("freeze lifted")
        s.press(.enter)
        try check("resume-offer-100x30", r.render(s.state))
    }

    @Test func aReplannedAccount() throws {
        let (_, s, r) = try board(120, 40)
        s.open("Acme")
        s.press(.char("T"))
        s.press(.ctrl("u"))
        s.type("2027-01-08")
        s.press(.enter)
        s.type("security review slipped")
        s.press(.enter)
        s.press(.char("T"), .char("+"), .char("+"), .enter)
        s.type("customer holidays")
        s.press(.enter)
        s.select("Send welcome pack")
        s.press(.char("d"), .ctrl("u"))
        s.type("2026-12-30")
        s.press(.enter)
        try check("replan-shift-prompt-120x40", r.render(s.state))
        s.type("y")
        s.press(.enter)
        // The checkpoints it pushes out move for one reason, asked after y.
        try check("replan-shift-reason-120x40", r.render(s.state))
        s.type("welcome pack reprinted")
        s.press(.enter)
        try check("replan-account-120x40", r.render(s.state))
        s.send(.resize(width: 80, height: 24))
        try check("replan-account-80x24", r.render(s.state))
        s.press(.char("q"))
        try check("replan-board-80x24", r.render(s.state))
    }

    @Test func touchpoints() throws {
        let (_, s, r) = try board(120, 40)
        s.open("Acme")
        s.press(.char("t"))
        try check("touchpoints-120x40", r.render(s.state))
        s.press(.char("x"))
        s.type("agreed the rollout plan")
        s.press(.enter, .char("j"), .char("X"), .char("a"), .ctrl("u"))
        s.type("12-02")
        s.press(.enter)
        s.type("IT lead")
        s.press(.enter)
        s.type("call")
        s.press(.enter)
        s.type("SSO walkthrough")
        s.press(.enter)
        try check("touchpoints-marked-120x40", r.render(s.state))
        s.send(.resize(width: 80, height: 24))
        try check("touchpoints-marked-80x24", r.render(s.state))
    }

    /// Acme on 2026-11-22: a task a month overdue with work waiting on it slips the plan to
    /// the go-live, moved a week later since its first plan.
    @Test func timelineOfASlippingPlan() throws {
        let (_, s, r) = try board(80, 24)
        s.open("Acme")
        s.press(.char("T"), .ctrl("u"))
        s.type("2026-12-27")
        s.press(.enter)
        s.type("customer holidays")
        s.press(.enter, .char("L"))
        try check("timeline-80x24", r.render(s.state))
        try check("ascii-timeline-80x24", Renderer(glyphs: Glyphs(unicode: false)).render(s.state))
        s.send(.resize(width: 200, height: 60))
        try check("timeline-200x60", r.render(s.state))
    }

    @Test func metrics() throws {
        let (_, s, r) = try board(120, 40)
        s.press(.char("4"))
        try check("metrics-120x40", r.render(s.state))
    }

    @Test func history() throws {
        let (_, s, r) = try board(120, 40)
        s.open("Zürich")
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        s.press(.char("!"))
        s.type("sponsor unhappy")
        s.press(.enter)
        s.type("VP Customer Success")
        s.press(.enter)
        s.press(.char("H"))
        try check("history-120x40", r.render(s.state))
    }
}
