import Foundation
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The touchpoints screen (`t` on an account): what is added is the one selected, so the
/// next key acts on it; one still ahead cannot be marked held.
struct TouchpointKeyTests {
    /// The account whose touchpoints are shown, as the screen has it.
    static func shown(_ s: Session) throws -> Account {
        guard case .touchpoints(let id) = s.state.screen else { throw TouchpointKeyTests.NotShown() }
        return try #require(s.state.accounts[id])
    }

    struct NotShown: Error {}

    /// Adds a touchpoint on `day` (typed over the prefilled today) from the touchpoints screen.
    static func add(_ s: Session, on day: String, objective: String) {
        s.press(.char("a"), .ctrl("u"))
        s.type(day)
        s.press(.enter)
        s.type("IT lead")
        s.press(.enter)
        s.type("call")
        s.press(.enter)
        s.type(objective)
        s.press(.enter)
    }

    @Test func aNewTouchpointIsTheOneSelectedSoXActsOnItNotOnAnOldOne() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        s.press(.char("t"))
        // The first (past) touchpoint held: x on it again would put it back to planned.
        s.press(.char("g"), .char("x"))
        s.type("kicked off")
        s.press(.enter)
        let first = try TouchpointKeyTests.shown(s).touchpoints[0]
        #expect(first.state == .held)
        TouchpointKeyTests.add(s, on: today.iso, objective: "SSO walkthrough")
        #expect(s.state.status?.text.contains(" · saved: touchpoint 'SSO walkthrough' added") == true)
        let selected = try TouchpointKeyTests.shown(s).touchpoints[s.state.touchpointIndex]
        #expect(selected.objective == "SSO walkthrough")
        s.press(.char("x"))
        #expect(s.state.prompt?.label.hasPrefix("'SSO walkthrough' of") == true)
        s.press(.escape)
        #expect(
            try store.account(TouchpointKeyTests.shown(s).id)?.touchpoints.first { $0.id == first.id }?.state == .held)
    }

    @Test func xOnATouchpointStillAheadRefusesBeforeAskingAndTheTypingStaysInTheQuestion() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        s.press(.char("t"))
        TouchpointKeyTests.add(s, on: "2026-11-30", objective: "Demo day")
        let added = try TouchpointKeyTests.shown(s).touchpoints[s.state.touchpointIndex]
        #expect(added.objective == "Demo day")
        s.press(.char("x"))
        #expect(
            s.state.prompt?.label
                == "'Demo day' is on 2026-11-30: it cannot be held before its day — nothing will change (Esc)")
        // What is typed next goes into the question line, never into keys.
        s.type("went well")
        s.press(.enter)
        #expect(s.state.prompt == nil)
        #expect(
            try store.account(TouchpointKeyTests.shown(s).id)?.touchpoints.first { $0.id == added.id }?.state == nil)
    }

    @Test func xOnTheAgendaRefusesATouchpointStillAhead() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 20)
        let s = try session(store)
        s.press(.char("3"))
        let j = try #require(s.state.agenda.firstIndex { $0.kind == .touchpoint && $0.day > today })
        let item = s.state.agenda[j]
        while s.state.agendaIndex < j { s.press(.char("j")) }
        s.press(.char("x"))
        #expect(s.state.prompt?.label.hasPrefix("'\(item.title)' is on \(item.day.iso): it cannot be held") == true)
        s.press(.escape)
        #expect(try store.account(item.accountID)?.touchpoints.first { $0.id == item.itemID }?.state == nil)
    }
}
