import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// "Why red?" can always be read in full, and the help explains every mark.
@Suite(.serialized)
struct WhyAndLegendTests {
    let renderer = Renderer(glyphs: Glyphs(unicode: true))

    @Test(arguments: [(80, 24), (200, 60)])
    func iShowsEveryReasonOfTheSelectedAccountAndScrolls(_ w: Int, _ h: Int) throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store, width: w, height: h)
        s.press(.char("/"))
        s.type("Zürich")
        s.press(.enter)
        s.press(.char("i"))
        let a = try #require(s.state.accounts[s.state.selectedAccount ?? 0])
        // Its go-live slips: the box leads with the forecast and what sets it.
        let forecast = try #require(a.goLiveForecastWords(asOf: today))
        #expect(renderer.render(s.state).lines[1].contains("go-live forecast "), "\(renderer.render(s.state).text)")
        let reasons = [forecast] + Renderer.reasonLines(of: a, today: today).map(\.text)
        #expect(reasons.count > 20)
        // Scroll a line at a time, keeping the box's first line each time: that is every
        // line of the list, wrapped, which read together are the reasons word for word.
        func inner(_ line: String) -> String {
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count > 1 ? String(parts[1]) : line
        }
        var read: [String] = []
        var previous: [String] = []
        while true {
            let lines = renderer.render(s.state).lines
            if lines == previous {
                // The end: the rest of the last page.
                read += lines[2..<(h - 2)].map(inner)
                break
            }
            read.append(inner(lines[1]))
            previous = lines
            s.press(.char("j"))
        }
        func words(_ text: String) -> String { text.split(separator: " ").joined(separator: " ") }
        let all = words(read.joined(separator: " "))
        for r in reasons { #expect(all.contains(words(r)), "not readable in full: \(r)") }
        s.press(.escape)
        #expect(s.state.whyAccount == nil && s.state.screen == .board)
    }

    @Test func theHelpHasALegendOfEveryMark() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir), width: 120, height: 160)
        s.press(.char("?"))
        let text = renderer.render(s.state).text
        for mark in [
            "checkpoint achieved", "on track", "at risk", "off track", "stalled", "escalated",
            "changed since your last review", "the customer confirms it", "the sorted column", "read-only",
            "blocked, done, skipped", "approval pending, approved, rejected", "waits on another task",
        ] {
            #expect(text.contains(mark), "missing from the legend: \(mark)")
        }
        #expect(text.contains("┌─ Keys"))
    }
}
