import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct AgendaTests {
    @Test func theAgendaListsOverdueTodayAndTheNextSixDaysInDayOrder() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 20)
        let s = try session(store)
        s.press(.char("3"))
        let items = s.state.agenda
        #expect(!items.isEmpty && items.map(\.day) == items.map(\.day).sorted())
        #expect(items.allSatisfy { $0.day <= today + 6 })
        #expect(
            items.contains { $0.kind == .checkpoint }
                && items.contains { if case .task = $0.kind { true } else { false } })
        #expect(items.contains { $0.kind == .touchpoint && $0.day >= today })
        #expect(items.filter { $0.kind == .touchpoint }.allSatisfy { $0.day >= today })
        // Every unfinished task of an active account due by then is there, in all three lanes.
        let expected = try store.accounts().filter(\.isActive).flatMap { a in
            a.tasks.filter { $0.isOpen && $0.due <= today + 6 }
        }.count
        #expect(items.filter { if case .task = $0.kind { true } else { false } }.count == expected)
    }

    @Test func mNarrowsToTheUsersAccountsAndEnterOpensOne() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 20))
        s.press(.char("3"), .char("m"))
        #expect(!s.state.agenda.isEmpty && s.state.agenda.allSatisfy { $0.account == "Zürich Re 東京" })
        s.press(.char("j"), .enter)
        #expect(s.account.name == "Zürich Re 東京")
        s.press(.char("q"))
        #expect(s.state.screen == .agenda)
    }
}
