import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// At the narrowest screen (60 columns) nothing a user needs is cut: a header keeps what is
/// never dropped (a date, a count) whole, the title giving way first; the touchpoints'
/// objectives go under their columns; the account's go-live and the stalled review's ARR and
/// colour stay whole.
struct NarrowScreenTests {
    @Test func theTimelineHeaderKeepsTheGoLiveForecastWholeAt60Columns() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 40), width: 60, height: 20)
        let r = Renderer(glyphs: Glyphs(unicode: true))
        var checked = 0
        for _ in 0..<8 {
            s.press(.enter, .char("L"))
            let head = try #require(r.render(s.state).lines.first)
            let whole =
                head.range(
                    of: #"go-live forecast \d{4}-\d{2}-\d{2}, (\d+ days? late|on time)"#, options: .regularExpression)
                != nil || head.range(of: #"live since \d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil
            #expect(whole, "\(head)")
            #expect(head.hasPrefix(" Timeline — "), "\(head)")
            checked += 1
            s.press(.escape, .escape, .char("j"))
        }
        #expect(checked == 8)
    }
}

/// At the narrowest screen the touchpoints' objectives go under the columns, never cut.
extension NarrowScreenTests {
    @Test func touchpointObjectivesAreWholeAt60Columns() throws {
        let (_, s, r) = try GoldenScreenTests().board(60, 20)
        s.open("Acme")
        s.press(.char("t"))
        let a = try #require(s.state.accounts[s.state.focus?.accountID ?? -1])
        let screen = r.render(s.state)
        try GoldenScreenTests().check("touchpoints-60x20", screen)
        let text = screen.lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let shown = a.touchpoints.prefix(4)
        #expect(!shown.isEmpty)
        for tp in shown {
            #expect(text.contains(tp.objective), "\(tp.objective) is cut:\n\(screen.lines.joined(separator: "\n"))")
        }
    }
}

/// The account's header keeps its go-live date whole at the narrowest screen: the name gives way.
extension NarrowScreenTests {
    @Test(arguments: [60, 64, 70, 80])
    func theAccountHeaderNeverCutsTheGoLiveDate(_ width: Int) throws {
        let (_, s, r) = try GoldenScreenTests().board(width, 20)
        s.open("Acme")
        let a = try #require(s.state.currentAccount)
        let head = try #require(r.render(s.state).lines.first)
        #expect(
            head.contains("go-live \(a.goLive.iso) ") || head.contains("go-live \(Renderer.short(a.goLive)) "),
            "\(head)")
        #expect(head.contains("Acme"), "\(head)")
    }
}

/// The stalled review at the narrowest screen keeps each row's ARR and colour whole.
extension NarrowScreenTests {
    @Test func theStalledReviewAt60ColumnsKeepsARRAndColourWhole() throws {
        let (_, s, r) = try GoldenScreenTests().board(60, 20)
        s.press(.char("2"))
        let screen = r.render(s.state)
        try GoldenScreenTests().check("stalled-60x20", screen)
        #expect(screen.lines[1].contains("ARR RAG"), "\(screen.lines[1])")
        var checked = 0
        for row in s.state.stalledGroups().flatMap(\.rows) {
            guard let line = screen.lines.first(where: { $0.contains(Text.truncate(row.name, to: 11)) }) else {
                continue
            }
            #expect(line.contains(Renderer.money(row.arr) + " "), "\(line)")
            checked += 1
        }
        #expect(checked >= 5)
    }
}
