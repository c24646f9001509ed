import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The question line: how it is left, what an empty answer does, and what stays in view.
@Suite(.serialized)
struct PromptKeyTests {
    func opened(width: Int = 120) throws -> (TempDir, Store, Session) { try openedZurich(width: width, height: 24) }

    @Test func ctrlCInAQuestionCancelsTheQuestionAndNeverQuits() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("b"))
        s.type("no contact")
        s.press(.ctrl("c"))
        #expect(s.state.prompt == nil && !s.state.quitting)
        #expect(s.state.status == StatusLine(text: "cancelled", isError: false))
        #expect(try store.events().isEmpty)
        s.press(.ctrl("c"))
        #expect(s.state.quitting)
    }

    @Test(arguments: [("b", "a reason is needed (Esc cancels)"), ("n", "the note is needed (Esc cancels)")])
    func anEmptyAnswerKeepsTheQuestionOpenAndSaysWhy(_ key: Character, _ problem: String) throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char(key))
        s.type("  ")
        s.press(.enter)
        #expect(s.state.prompt?.problem == problem)
        // The hint has its own line above the question, which stays whole.
        let lines = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines
        #expect(lines[lines.count - 2].hasPrefix(" " + problem))
        let question = try #require(s.state.prompt?.label)
        #expect(lines.last?.hasPrefix(question + ": ") == true)
        #expect(try store.events().isEmpty)
        s.type("firewall")
        #expect(s.state.prompt?.problem == nil)
        s.press(.enter)
        #expect(s.state.prompt == nil)
        #expect(try store.events().count == 1)
    }

    @Test(arguments: [60, 80, 100])
    func aLongAnswerKeepsItsEndAndTheCursorInView(_ width: Int) throws {
        let (_, _, s) = try opened(width: width)
        s.select("Record goals, requirements and promises")
        s.press(.char("b"))
        let answer = "waiting on the customer's legal team to review the data processing agreement, again"
        s.type(answer)
        let line = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? ""
        #expect(line.contains("again▏"), "\(line)")
        #expect(line.hasPrefix("block"), "\(line)")
        #expect(Text.width(line) <= width)
    }
}

extension PromptKeyTests {
    @Test func aDateQuestionTakesARelativeDateAndShowsTheDayItMeans() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("d"), .ctrl("u"))
        s.type("fri")
        let line = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? ""
        #expect(line.contains("fri▏ = 2026-11-27 Fri"), "\(line)")
        s.press(.enter)
        // Later than the work waiting on it: asked whether that moves too; n keeps it.
        #expect(s.state.prompt?.label.hasPrefix("y/n — also moves ") == true, "\(String(describing: s.state.prompt))")
        // Never answered ahead: Enter alone asks again and saves nothing.
        #expect(s.state.prompt?.text == "")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "y or n is needed (Esc cancels)")
        #expect(try store.events().isEmpty)
        s.type("n")
        s.press(.enter)
        let t = try #require(try store.account(s.account.id)?.tasks.first { $0.title == "Send welcome pack" })
        #expect(t.due == Day(iso: "2026-11-27"))
    }

    @Test func aDateThatIsNotOneKeepsTheQuestionOpen() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("d"), .ctrl("u"))
        s.type("soon")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "'soon' is not a date")
        #expect(try store.events().isEmpty)
    }

    @Test func tabCompletesAKnownNameAndTabAgainGivesTheNext() throws {
        let (_, _, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("o"), .ctrl("u"))
        s.type("mi")
        s.press(.tab)
        #expect(s.state.prompt?.text == "Mia Vogel")
        s.press(.ctrl("u"))
        s.type("zür")
        s.press(.tab)
        let first = s.state.prompt?.text ?? ""
        s.press(.tab)
        let second = s.state.prompt?.text ?? ""
        #expect(first.hasPrefix("Zürich Re") && second.hasPrefix("Zürich Re") && first != second)
        s.press(.ctrl("u"))
        s.type("qq")
        s.press(.tab)
        #expect(s.state.prompt?.problem == "no known name starts with 'qq'")
    }

    @Test func tabCompletesACSMOfAnotherAccountAsATasksOwner() throws {
        let (_, _, s) = try opened()
        let a = try #require(s.state.currentAccount)
        let here = Set(a.tasks.map(\.owner) + a.handoff.stakeholders.map(\.name) + [a.csm, a.salesOwner])
        let other = try #require(
            s.state.rows.csmNames.sorted().first { !here.contains($0) }, "a CSM of another account")
        s.select("Send welcome pack")
        s.press(.char("o"))
        s.type(String(other.prefix(3)))
        s.press(.tab)
        #expect(s.state.prompt?.text.hasPrefix(String(other.prefix(3))) == true)
        #expect(s.state.prompt?.problem == nil, "\(String(describing: s.state.prompt?.problem))")
        var seen: Set<String> = []
        for _ in 0..<10 {
            seen.insert(s.state.prompt?.text ?? "")
            s.press(.tab)
        }
        #expect(seen.contains(other), "\(seen)")
    }
}
