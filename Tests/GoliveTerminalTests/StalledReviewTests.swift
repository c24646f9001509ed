import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct StalledReviewTests {
    func opened() throws -> (TempDir, Store, Session) {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        let s = try session(store)
        s.press(.char("2"))
        return (dir, store, s)
    }

    @Test func stalledAccountsAreGroupedByCSMMostARRFirst() throws {
        let (_, _, s) = try opened()
        let groups = s.state.stalledGroups()
        #expect(!groups.isEmpty && groups.allSatisfy { g in g.rows.allSatisfy { $0.stall != nil && $0.csm == g.csm } })
        let totals = groups.map { $0.rows.reduce(0) { $0 + $1.arr } }
        #expect(totals == totals.sorted(by: >))
        #expect(groups.allSatisfy { g in g.rows.map(\.arr) == g.rows.map(\.arr).sorted(by: >) })
        #expect(s.state.stalledSelected == groups[0].rows[0].id)
        s.press(.char("j"))
        #expect(s.state.stalledSelected == s.state.stalledOrder[1])
    }

    /// Issue 37: `P` took the selected account off the list and left no row highlighted, and
    /// `v` then marked the hidden account reviewed.
    @Test func anAccountPutOnHoldLeavesTheSelectionOnTheRowNowInItsPlace() throws {
        let (_, store, s) = try opened()
        s.press(.char("j"))
        let held = try #require(s.state.stalledSelected)
        let next = s.state.stalledOrder[2]
        s.press(.char("P"))
        s.type("customer freeze")
        s.press(.enter, .enter)
        #expect(try store.account(held)?.currentHold != nil)
        #expect(!s.state.stalledOrder.contains(held))
        #expect(s.state.stalledSelected == next)
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state)
        #expect(screen.text.contains(try #require(s.state.rows[next]?.name)))
        s.press(.char("v"))
        #expect(try store.events(account: next).last?.kind == "account.reviewed")
        #expect(try store.events(account: held).last?.kind != "account.reviewed")
    }

    @Test func vMarksReviewedWithTheUserAndTime() throws {
        let (_, store, s) = try opened()
        let id = s.state.stalledSelected!
        s.press(.char("v"))
        let e = try store.events(account: id).last!
        #expect(e.kind == "account.reviewed" && e.who == "lee" && e.at == "2026-11-22T10:00:00Z")
        #expect(s.state.reviews[id]?.lastReviewBy == "lee")
        // When, as a person says it, by the screen's clock.
        s.send(.tick(Date(timeIntervalSince1970: 1_795_341_600 + 180)))
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(screen.contains("3 min ago lee"), "\(screen)")
        // A review is not activity: the account stays stalled.
        #expect(s.state.rows[id]?.stall != nil)
    }

    @Test func escalateReassignAndNoteActOnTheSelectedAccount() throws {
        let (_, store, s) = try opened()
        let id = s.state.stalledSelected!
        s.press(.char("!"))
        s.type("sponsor silent for 3 weeks")
        s.press(.enter)
        s.type("Head of CS")
        s.press(.enter)
        s.press(.char("o"), .ctrl("u"))
        s.type("Léa Dubois")
        s.press(.enter)
        // Léa Dubois is no CSM yet: a second Enter on her name makes her one.
        #expect(s.state.prompt?.problem?.hasPrefix("'Léa Dubois' is not a CSM yet") == true)
        s.press(.enter)
        // The old CSM's open internal tasks, when there are any, stay theirs.
        if case .csmTasks = s.state.prompt?.purpose { s.press(.char("n"), .enter) }
        s.press(.char("n"))
        s.type("agreed a recovery plan")
        s.press(.enter)
        let a = try store.account(id)!
        #expect(a.escalation?.reason == "sponsor silent for 3 weeks" && a.csm == "Léa Dubois")
        #expect(try store.events(account: id).suffix(3).map(\.kind) == ["account.escalated", "account.csm", "note"])
        #expect(s.state.stalledGroups().contains { $0.csm == "Léa Dubois" })
    }

    @Test func enterOpensTheAccountAndQComesBackToTheReview() throws {
        let (_, _, s) = try opened()
        s.press(.char("j"))
        let id = s.state.stalledSelected!
        s.press(.enter)
        #expect(s.state.screen == .account(id))
        s.press(.char("q"))
        #expect(s.state.screen == .stalled && s.state.stalledSelected == id)
        s.press(.char("q"))
        #expect(s.state.screen == .board && !s.state.quitting)
    }
}

extension StalledReviewTests {
    @Test func aReviewWithANextStepComesBackOnItsFollowUpDay() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        let s = try session(store, width: 140, height: 40)
        s.press(.char("2"))
        let id = try #require(s.state.stalledSelected)
        s.press(.char("V"))
        s.type("call the sponsor about the SSO dates")
        s.press(.enter)
        #expect(s.state.prompt?.label.hasPrefix("follow up on, +N from today") == true)
        s.press(.ctrl("u"))
        s.type("today")
        s.press(.enter)
        #expect(
            s.state.status?.text
                == "\(s.state.rows[id]?.name ?? "?") · saved: marked reviewed; next: call the sponsor about the SSO dates, follow up on "
                + today.iso, "\(String(describing: s.state.status))")
        // The stalled review leads its reasons with it; the agenda lists it for today.
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(screen.contains("follow-up due \(Renderer.short(today)): call the sponsor"), "\(screen)")
        s.press(.char("3"))
        let item = try #require(s.state.agenda.first { $0.kind == .followUp && $0.accountID == id })
        #expect(item.day == today && item.title == "follow up: call the sponsor about the SSO dates")
        // x there: reviewed again, which answers it.
        while s.state.agenda[s.state.agendaIndex] != item { s.press(.char("j")) }
        s.press(.char("x"))
        #expect(!s.state.agenda.contains { $0.kind == .followUp && $0.accountID == id })
        // A review is not activity: the account is as stalled as before.
        #expect(try store.account(id)?.stall(asOf: today) != nil)
    }
}
