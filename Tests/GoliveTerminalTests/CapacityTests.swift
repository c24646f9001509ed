import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Capacity per CSM: a setting; reassigning shows each candidate's load and warns past it.
@Suite(.serialized)
struct CapacityTests {
    @Test func reassigningShowsEachCSMsLoadAndWarnsWhenTheNewOneIsOverCapacity() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        var state = AppState(try Session.snapshot(store, user: "lee"), today: today, user: "lee")
        state.capacity = Capacity(perQuarter: 1)
        let s = Session(store: store, state: state)
        s.press(.char("2"))
        let id = try #require(s.state.stalledSelected)
        s.press(.char("o"))
        let label = try #require(s.state.prompt?.label)
        #expect(label.contains("new in 2026-Q4: ") && label.contains("/1"), "\(label)")
        let current = try #require(s.state.rows[id]?.csm)
        let busiest = try #require(
            s.state.rows.csmNames.filter { $0 != current }
                .max { s.state.newThisQuarter(csm: $0) < s.state.newThisQuarter(csm: $1) })
        #expect(s.state.newThisQuarter(csm: busiest) > 1)
        s.press(.ctrl("u"))
        s.type(busiest)
        s.press(.enter)
        // The old CSM's open internal tasks, when there are any, stay theirs.
        if case .csmTasks = s.state.prompt?.purpose { s.press(.char("n"), .enter) }
        #expect(try store.account(id)?.csm == busiest)
        let load = s.state.newThisQuarter(csm: busiest)
        #expect(
            s.state.status?.text.hasSuffix(
                "\(busiest) now has \(Capacity.words(load)) new onboardings signed in 2026-Q4, over the capacity of 1")
                == true,
            "\(String(describing: s.state.status))")
    }
}
