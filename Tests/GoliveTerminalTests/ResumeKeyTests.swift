import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `P` on an account on hold resumes it, then offers to move the open plan by the days held:
/// the question names the days and the new go-live, is never answered ahead (Enter alone
/// asks again, Esc leaves the account on hold), and y saves the resume and every move as one
/// change that one `u` takes back.
struct ResumeKeyTests {
    /// Zürich, on hold since 2026-11-10 (12 days before the session's today).
    func heldZurich() throws -> (TempDir, Store, Session, Account) {
        let dir = TempDir()
        let store = try makeStore(dir)
        let id = try #require(try store.accounts().first { $0.name.hasPrefix("Zürich") }?.id)
        try store.perform(
            .hold(reason: "customer freeze", until: Day(iso: "2026-12-01")!), on: id, who: "lee",
            today: Day(iso: "2026-11-10")!)
        let before = try #require(try store.account(id))
        let s = try session(store)
        s.open("Zürich")
        return (dir, store, s, before)
    }

    @Test func resumingAsksWhetherToMoveTheOpenPlanAndEnterAloneAsksAgain() throws {
        let (_, store, s, before) = try heldZurich()
        s.press(.char("P"))
        s.type("freeze lifted")
        s.press(.enter)
        #expect(s.state.prompt?.label == "move the open plan 12 days later (to go-live 2027-01-01)? (y/n)")
        #expect(s.state.prompt?.text == "")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "y or n is needed (Esc cancels)")
        s.type("maybe")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "y moves the open plan too, n only resumes (Esc: nothing)")
        // Esc: nothing saved, still on hold.
        s.press(.escape)
        #expect(try store.account(before.id)?.currentHold != nil)
    }

    @Test func yesResumesAndMovesTheOpenPlanInOneChangeThatOneUndoTakesBack() throws {
        let (_, store, s, before) = try heldZurich()
        s.press(.char("P"), .enter)
        s.type("y")
        s.press(.enter)
        let after = try #require(try store.account(before.id))
        #expect(after.currentHold == nil)
        #expect(after.goLive == before.goLive + 12)
        let moved = before.tasks.filter { $0.isOpen && $0.due >= Day(iso: "2026-11-10")! }.count
        for (t, u) in zip(before.tasks, after.tasks) {
            #expect(u.due == (t.isOpen && t.due >= Day(iso: "2026-11-10")! ? t.due + 12 : t.due), "\(t.title)")
        }
        #expect(
            s.state.status?.text
                == "\(s.account.name) · saved: resumed after 12 days on hold: open plan moved 12 days later (\(moved) tasks, "
                + "6 checkpoints, go-live 2027-01-01)")
        // What was overdue when the hold began keeps its date: its clock skips the hold.
        #expect(after.checkpoints.filter { !$0.isAchieved && $0.due < Day(iso: "2026-11-10")! }.count == 3)
        s.press(.char("u"))
        let back = try #require(try store.account(before.id))
        #expect(back.currentHold == before.currentHold)
        #expect(back.tasks.map(\.due) == before.tasks.map(\.due))
        #expect(back.checkpoints.map(\.due) == before.checkpoints.map(\.due) && back.goLive == before.goLive)
    }

    @Test func noResumesAndMovesNothing() throws {
        let (_, store, s, before) = try heldZurich()
        s.press(.char("P"), .enter)
        s.type("n")
        s.press(.enter)
        let after = try #require(try store.account(before.id))
        #expect(after.currentHold == nil && after.holds.last?.resumedOn == today)
        #expect(after.tasks.map(\.due) == before.tasks.map(\.due) && after.goLive == before.goLive)
        #expect(s.state.status?.text == "\(s.account.name) · saved: resumed after 12 days on hold")
    }

    @Test func onTheBoardTheHoldShowsInsteadOfAColour() throws {
        let (_, _, s, _) = try heldZurich()
        s.press(.char("q"), .escape)
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        let row = try #require(screen.split(separator: "\n").first { $0.contains("Zürich") })
        #expect(row.hasPrefix(" ‖ H"))
        #expect(s.state.counts.held == 1)
        let ascii = Renderer(glyphs: Glyphs(unicode: false)).render(s.state).text
        #expect(ascii.split(separator: "\n").contains { $0.hasPrefix(" = H") && $0.contains("Zurich") })
    }

    @Test func theWhyBoxSaysTheAccountStandsAsOnTheHoldsFirstDay() throws {
        let (_, _, s, before) = try heldZurich()
        s.press(.char("i"))
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(
            screen.contains("on hold since 2026-11-10 (customer freeze), resume expected 2026-12-01: as on 2026-11-10"))
        // The reasons are those of that day.
        let first = before.status(asOf: Day(iso: "2026-11-10")!).reasons.first?.text ?? ""
        #expect(!first.isEmpty && screen.contains(String(first.prefix(40))))
    }
}
