import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct LiveRefreshTests {
    @Test(arguments: StoreKind.allCases) func anotherInstancesCommitShowsUpOnPollAndKeepsTheSelection(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 20, on: kind)
        let s = try session(store)
        s.press(.char("j"), .char("j"), .char("j"))
        let selected = s.state.selectedAccount!
        #expect(!s.poll(now: Date()))  // nothing new yet
        let other = try again(store)
        let target = s.state.visible.last!
        try other.perform(.escalate(reason: "from the lead's pane"), on: target, who: "dana", today: today)
        let at = Date()
        #expect(s.pollUntilChanged(now: at))
        let version = try other.account(target)?.version
        #expect(s.state.rows[target]?.rag == .red && s.state.rows[target]?.version == version)
        #expect(s.state.selectedAccount == selected)
        #expect(s.state.flash[target] != nil && s.state.flash.count == 1)
        s.send(.tick(at.addingTimeInterval(AppState.flashSeconds + 0.1)))
        #expect(s.state.flash.isEmpty)
    }

    /// A refresh re-reads only the accounts other processes' events name; after many kinds
    /// of change, the board must be exactly what a fresh start shows. New accounts (an
    /// import elsewhere) make it read everything.
    @Test(arguments: StoreKind.allCases) func aRefreshOfTheChangedAccountsEqualsAFreshStart(on kind: StoreKind) throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30, on: kind)
        let s = try session(store)
        s.press(.char("j"))
        let other = try again(store)
        let ids = Array(s.state.visible.prefix(6))
        for id in ids {
            let a = try #require(try other.account(id))
            if let t = a.tasks.first(where: \.isOpen) {
                _ = try? other.perform(
                    .setTaskStatus(task: t.id, to: .blocked, reason: "waiting on IT"), on: id, who: "dana", today: today
                )
            }
        }
        try other.perform(.escalate(reason: "sponsor left"), on: ids[1], who: "dana", today: today)
        try other.perform(.reassignCSM(to: "lee"), on: ids[2], who: "dana", today: today)
        #expect(s.pollUntilChanged())
        func board(_ st: AppState) -> [BoardRow] { st.rows.values.sorted { $0.id < $1.id } }
        let fresh = try session(store)
        #expect(board(s.state) == board(fresh.state) && s.state.counts == fresh.state.counts)
        #expect(s.state.visible == fresh.state.visible)
        #expect(Set(s.state.flash.keys) == Set(ids))

        let csv = Data("account name,csm,segment,arr,contract signed\nNew Co,lee,smb,1000,2026-11-01\n".utf8)
        let imported = try Operations.importAccounts(
            CSVImport.parse(csv, file: "new.csv"), file: "new.csv", catalog: builtins,
            playbook: nil, into: other, who: "dana")
        #expect(imported.count == 1)
        #expect(s.pollUntilChanged())
        #expect(
            s.state.rows.values.contains { $0.name == "New Co" } && s.state.rows.count == fresh.state.rows.count + 1)
    }

    @Test(arguments: StoreKind.allCases) func theSelectedTaskStaysSelectedWhenTheAccountChangesElsewhere(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let store = try makeStore(dir, on: kind)
        let s = try session(store)
        s.open("Zürich")
        s.select("Record goals, requirements and promises")
        let task = s.selectedTask!.id
        let other = try again(store)
        try other.perform(
            .addTask(
                lane: .internal, title: "Aardvark first", owner: "x", due: Day(iso: "2026-10-01")!, checkpoint: nil),
            on: s.account.id, who: "dana", today: today)
        #expect(s.pollUntilChanged())
        #expect(s.selectedTask?.id == task && s.account.tasks.contains { $0.title == "Aardvark first" })
    }

    @Test func accountsChangedSinceMyLastReviewAreMarked() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        let id = s.state.visible.first { s.state.rows[$0]!.name.hasPrefix("Acme") }!
        try store.perform(.markReviewed, on: id, who: "lee", today: today)
        try store.perform(.addNote(text: "by dana", task: nil), on: id, who: "dana", today: today)
        s.press(.char("r"))
        #expect(s.state.reviews[id]?.changedSinceMyReview == true)
        let other = s.state.visible.first { $0 != id }!
        #expect(s.state.reviews[other]?.changedSinceMyReview != true)
        try store.perform(.markReviewed, on: id, who: "lee", today: today)
        s.press(.char("r"))
        #expect(s.state.reviews[id]?.changedSinceMyReview == false)
    }
}
