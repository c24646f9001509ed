import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `+7` in a question that moves a date means seven days after that date, and the question
/// says so; a question for a new day counts from today and says that.
@Suite(.serialized)
struct RelativeDateTests {
    func line(_ s: Session) -> String { Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines.last ?? "" }

    @Test func plusSevenOnATasksDueMovesItAWeekFromItsOldDue() throws {
        let (_, store, s) = try openedZurich(height: 24)
        s.select("Send welcome pack")
        let old = try #require(s.selectedTask?.due)
        s.press(.char("d"))
        #expect(s.state.prompt?.label.hasPrefix("new due, +N from \(Renderer.short(old)) (") == true)
        s.type("+7")
        #expect(line(s).contains("= \((old + 7).iso) \((old + 7).weekdayName), 7 days after \(Renderer.short(old))"))
        s.press(.enter)
        if s.state.prompt != nil {
            s.type("n")
            s.press(.enter)
        }
        let t = try #require(try store.account(s.account.id)?.tasks.first { $0.title == "Send welcome pack" })
        #expect(t.due == old + 7)
        #expect(old + 7 != today + 7)
    }

    @Test func minusTwoOnACheckpointMovesItTwoDaysBeforeItsOldDue() throws {
        let (_, _, s) = try openedZurich(height: 24)
        let c = try #require(s.state.selectedCheckpoint(in: s.account))
        s.press(.char("M"))
        #expect(s.state.prompt?.label.hasPrefix("\(c.name) due, +N from \(Renderer.short(c.due)) (") == true)
        s.type("-2")
        s.press(.enter)
        guard case .moveReason(_, let to, _) = s.state.prompt?.purpose else {
            Issue.record("no reason asked: \(String(describing: s.state.prompt)) \(String(describing: s.state.status))")
            return
        }
        #expect(to == c.due - 2)
    }

    @Test func plusOnTheGoLiveCountsFromTheGoLive() throws {
        let (_, _, s) = try openedZurich(height: 24)
        let old = s.account.goLive
        s.press(.char("T"))
        s.type("+2w")
        s.press(.enter)
        guard case .moveReason(nil, let to, _) = s.state.prompt?.purpose else {
            Issue.record("no reason asked: \(String(describing: s.state.prompt))")
            return
        }
        #expect(to == old + 14)
    }

    @Test func aFollowUpDayCountsFromTodayAndSaysSo() throws {
        let (_, store, s) = try openedZurich(height: 24)
        s.press(.char("V"))
        s.type("call the sponsor")
        s.press(.enter)
        #expect(s.state.prompt?.label.hasPrefix("follow up on, +N from today (") == true)
        s.type("+3")
        #expect(line(s).contains("+3▏ = \((today + 3).iso) \((today + 3).weekdayName), 3 days after today"))
        s.press(.enter)
        #expect(s.state.prompt == nil)
        let e = try #require(try store.events().last)
        #expect(e.after == (today + 3).iso)
    }

    @Test func aNewTouchpointsDayCountsFromTodayAndSaysSo() throws {
        let (_, _, s) = try openedZurich(height: 24)
        s.press(.char("t"), .char("a"))
        #expect(s.state.prompt?.label.hasPrefix("new touchpoint on, +N from today (") == true)
        s.type("+5")
        s.press(.enter)
        #expect(s.state.prompt?.label.hasPrefix("touchpoint \((today + 5).iso)") == true)
    }
}
