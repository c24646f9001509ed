import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The question line as a field: a prefilled answer selected, a cursor mid-line, a date's
/// meaning kept whole at every width, and a hint on a line of its own.
extension GoldenScreenTests {
    @Test func aPrefilledAnswerIsSelectedAndACursorCanStandMidLine() throws {
        let (_, s, r) = try board(80, 24)
        s.open("Acme")
        s.press(.char("e"))
        try check("prompt-prefilled-80x24", r.render(s.state))
        s.press(.home, .right, .right, .right, .right)
        try check("prompt-cursor-80x24", r.render(s.state))
    }

    @Test(arguments: [(80, 24), (60, 20)])
    func theDayADateQuestionMeansStaysWhole(_ width: Int, _ height: Int) throws {
        let (_, s, r) = try board(width, height)
        let size = "\(width)x\(height)"
        s.open("Acme")
        s.press(.char("d"))
        s.type("+2w")
        try check("prompt-due-\(size)", r.render(s.state))
        s.press(.escape, .char("M"))
        try check("prompt-checkpoint-move-\(size)", r.render(s.state))
        s.press(.escape, .char("P"))
        s.type("customer freeze until budget")
        s.press(.enter)
        try check("prompt-hold-until-\(size)", r.render(s.state))
    }

    @Test func aHintHasALineOfItsOwnAboveTheQuestion() throws {
        let (_, s, r) = try board(80, 24)
        s.open("Acme")
        s.press(.char("b"), .enter)
        try check("prompt-hint-80x24", r.render(s.state))
    }
}

/// A message longer than the status line: two lines, and `@` to read the recent ones whole.
extension GoldenScreenTests {
    @Test func aLongMessageTakesTwoLinesAndTheMessagesShowItWhole() throws {
        let (_, s, r) = try board(80, 24)
        s.open("Acme")
        s.press(.char("n"))
        s.type(String(repeating: "the sponsor wants the rollout plan reviewed by legal first; ", count: 3) + "done")
        s.press(.enter)
        try check("status-two-lines-80x24", r.render(s.state))
        s.press(.char("@"))
        try check("messages-80x24", r.render(s.state))
    }
}

/// A question or hint longer than the line is said whole above the question line (four lines
/// at most), and a hint is kept with the messages `@` shows.
extension GoldenScreenTests {
    @Test func aQuestionCutShortIsSaidWholeAboveItAndItsHintIsKept() throws {
        let (_, s, r) = try board(60, 20)
        s.open("Acme")
        s.press(.char(">"))
        let label = try #require(s.state.prompt?.label)
        let screen = r.render(s.state)
        try check("prompt-long-question-60x20", screen)
        let shown = screen.lines.suffix(3).joined(separator: " ")
        let lastWord = try #require(label.split(separator: " ").last)
        #expect(Text.width(label) > 40, "a question long enough to be cut at 60 columns: \(label)")
        #expect(shown.contains(lastWord), "the question's end is on the screen:\n\(shown)")
        s.press(.enter)
        let problem = try #require(s.state.prompt?.problem)
        #expect(s.state.messages.last?.text == problem)
        #expect(r.render(s.state).lines.suffix(3).joined(separator: " ").contains(problem))
    }
}
