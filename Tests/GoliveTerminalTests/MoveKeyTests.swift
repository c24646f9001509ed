import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// d, M and T keep the plan in stage order: the question names what moves with the move and
/// asks one reason for all of it; a y/n question is never answered ahead, Enter alone asks
/// again; a move that cannot be saved keeps its date question open, so what is typed next
/// never runs as commands. Zürich Re: go-live 2026-12-20, Transition to success 2027-01-03.
@Suite(.serialized)
struct MoveKeyTests {
    func checkpoint(_ name: String, _ store: Store, _ s: Session) throws -> Checkpoint {
        try #require(try store.account(s.account.id)?.checkpoints.first { $0.name == name })
    }

    @Test func theGoLiveMovedLaterNamesTheTransitionItCarriesAndMovesItForTheSameReason() throws {
        let (_, store, s) = try openedZurich()
        s.press(.char("T"), .ctrl("u"))
        s.type("2027-01-08")
        s.press(.enter)
        #expect(
            s.state.prompt?.label
                == "why does the go-live move to 2027-01-08? (also moves Transition to success 01-03 → 01-22)")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "a reason is needed (Esc cancels)")
        #expect(try store.events().isEmpty)
        s.type("customer holidays")
        s.press(.enter)
        #expect(s.state.prompt == nil)
        #expect(try checkpoint("Go-live", store, s).due == Day(iso: "2027-01-08"))
        let transition = try checkpoint("Transition to success", store, s)
        #expect(transition.due == Day(iso: "2027-01-22") && transition.replan?.moves == 1)
        #expect(try store.events().count == 1)
        #expect(s.state.status?.text.contains("also moved: Transition to success 2027-01-03 → 2027-01-22") == true)
        // One change: one u takes all of it back.
        s.press(.char("u"))
        #expect(try checkpoint("Transition to success", store, s).due == Day(iso: "2027-01-03"))
        #expect(try checkpoint("Go-live", store, s).due == Day(iso: "2026-12-20"))
    }

    @Test func nudgingTheGoLiveWithPlusNamesWhatItCarriesToo() throws {
        let (_, store, s) = try openedZurich()
        s.press(.char("T"))
        // Over the go-live the question opened with, + counts days from it: + twenty times is +20.
        for _ in 0..<20 { s.press(.char("+")) }
        #expect(s.state.prompt?.text == "+20")
        s.press(.enter)
        #expect(
            s.state.prompt?.label
                == "why does the go-live move to 2027-01-09? (also moves Transition to success 01-03 → 01-23)")
        s.press(.escape)
        #expect(try store.events().isEmpty)
    }

    @Test func aTaskThatPushesACheckpointAsksYOrNThenOneReason() throws {
        let (_, store, s) = try openedZurich()
        s.focus(.customer)
        s.select("Complete intake questionnaire")
        s.press(.char("d"), .ctrl("u"))
        s.type("2026-12-20")
        s.press(.enter)
        let label = s.state.prompt?.label ?? ""
        #expect(label.hasPrefix("y/n — also moves "), "\(label)")
        #expect(label.contains("Intake complete 11-01 → "), "\(label)")
        // Never answered ahead: Enter alone asks again.
        #expect(s.state.prompt?.text == "")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "y or n is needed (Esc cancels)")
        s.type("y")
        s.press(.enter)
        // A checkpoint never moves without a reason, and y was no reason.
        #expect(s.state.prompt?.label.hasPrefix("why ") == true, "\(String(describing: s.state.prompt))")
        #expect(s.state.prompt?.label.contains("move with 'Complete intake questionnaire'?") == true)
        s.press(.enter)
        #expect(s.state.prompt?.problem == "a reason is needed (Esc cancels)")
        #expect(try store.events().isEmpty)
        s.type("questionnaire lost")
        s.press(.enter)
        let intake = try checkpoint("Intake complete", store, s)
        #expect(intake.due == Day(iso: "2026-12-20") && intake.replan?.baseline == Day(iso: "2026-11-01"))
        let events = try store.events()
        #expect(events.count == 1 && events.first?.detail?.hasPrefix("questionnaire lost; also moved: ") == true)
        let after = try #require(try store.account(s.account.id))
        #expect(after.isInStageOrder, "\(after.stageOrderBreaks())")
    }

    @Test func nMovesOnlyTheTaskAndAsksNoReason() throws {
        let (_, store, s) = try openedZurich()
        s.focus(.customer)
        s.select("Complete intake questionnaire")
        s.press(.char("d"), .ctrl("u"))
        s.type("2026-12-20")
        s.press(.enter)
        s.type("n")
        s.press(.enter)
        #expect(s.state.prompt == nil)
        #expect(try checkpoint("Intake complete", store, s).due == Day(iso: "2026-11-01"))
        #expect(try store.events().count == 1)
    }

    @Test func aMoveThatCannotBeKeepsItsDateQuestionOpenAndTheTypingAfterIt() throws {
        let (_, store, s) = try openedZurich()
        s.press(.char("T"), .ctrl("u"))
        s.type("2026-10-01")
        s.press(.enter)
        #expect(
            s.state.prompt?.problem
                == "that would move Handoff complete to 2026-10-01, before the contract was signed (2026-10-20)")
        // What the user types next goes into the question, never to the keys (q, x, u…).
        s.type("qxu")
        #expect(s.state.prompt?.text.hasSuffix("qxu") == true && !s.state.quitting)
        s.press(.escape)
        #expect(try store.events().isEmpty)
    }

    @Test func thePlanChangedMeanwhileAsksAgainWithWhatMovesNow() throws {
        let (_, store, s) = try openedZurich()
        s.press(.char("T"), .ctrl("u"))
        s.type("2027-01-08")
        s.press(.enter)
        s.type("customer holidays")
        // Another pane moves the transition out of the way before the answer.
        let other = try again(store)
        let transition = try checkpoint("Transition to success", store, s)
        try other.perform(
            .moveCheckpoint(checkpoint: transition.id, to: Day(iso: "2027-01-31")!, reason: "later review"),
            on: s.account.id, who: "dana", today: today)
        #expect(s.pollUntilChanged())
        s.press(.enter)
        #expect(s.state.prompt?.problem == "the plan changed meanwhile: this is what moves now")
        #expect(s.state.prompt?.label == "why does the go-live move to 2027-01-08?")
        s.press(.enter)
        #expect(try checkpoint("Go-live", store, s).due == Day(iso: "2027-01-08"))
        #expect(try checkpoint("Transition to success", store, s).due == Day(iso: "2027-01-31"))
    }
}
