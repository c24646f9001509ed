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

    @Test func vMarksReviewedWithTheUserAndTime() throws {
        let (_, store, s) = try opened()
        let id = s.state.stalledSelected!
        s.press(.char("v"))
        let e = try store.events(account: id).last!
        #expect(e.kind == "account.reviewed" && e.who == "lee" && e.at == "2026-11-22T10:00:00Z")
        #expect(s.state.reviews[id]?.lastReviewBy == "lee")
        // A review is not activity: the account stays stalled.
        #expect(s.state.rows[id]?.stall != nil)
    }

    @Test func escalateReassignAndNoteActOnTheSelectedAccount() throws {
        let (_, store, s) = try opened()
        let id = s.state.stalledSelected!
        s.press(.char("!"))
        s.type("sponsor silent for 3 weeks")
        s.press(.enter)
        s.press(.char("o"), .ctrl("u"))
        s.type("Léa Dubois")
        s.press(.enter)
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

@Suite(.serialized)
struct MetricsAndHistoryTests {
    @Test func theMetricsScreenShowsTheReportsFigures() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 60)
        let s = try session(store, width: 140, height: 60)
        // Reading every account takes seconds at scale: a frame says so before the wait.
        var whileWaiting = ""
        s.willWait = { whileWaiting = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text }
        s.press(.char("4"))
        #expect(whileWaiting.contains("Metrics") && whileWaiting.contains("reading every account for the metrics…"))
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(!screen.contains("reading every account"))
        let report = Reports(accounts: try store.accounts(), everEscalated: try store.everEscalated(), today: today)
            .metrics()
        #expect(screen.contains(Reports.spread(report.team.timeToFirstValue) + " d"))
        #expect(screen.contains(Reports.spread(report.team.timeToGoLive) + " d"))
        for r in [report.team.onTimeGoLive, report.team.customerTaskOnTime, report.team.escalation] {
            #expect(screen.contains("(\(r.part) of \(r.whole))") && screen.contains(r.percent))
        }
        for m in report.byCsm { #expect(screen.contains(m.group)) }
        #expect(screen.contains("go-lives per week"))
    }

    @Test func hShowsTheAccountsHistoryNewestFirst() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.open("Zürich")
        s.select("Send welcome pack")
        s.press(.char("x"))
        s.press(.char("n"))
        s.type("second")
        s.press(.enter)
        s.press(.char("H"))
        #expect(s.state.screen == .history(s.state.focus!.accountID) || s.state.history.count == 2)
        #expect(s.state.history.map(\.kind) == ["note", "task.status"])
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(
            screen.contains("lee") && screen.contains("note: second")
                && screen.contains("'Send welcome pack' open → done"))
        s.press(.char("q"))
        #expect(s.state.currentAccount?.name == "Zürich Re 東京")
    }
}

@Suite(.serialized)
struct LiveRefreshTests {
    @Test func anotherInstancesCommitShowsUpOnPollAndKeepsTheSelection() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 20)
        let s = try session(store)
        s.press(.char("j"), .char("j"), .char("j"))
        let selected = s.state.selectedAccount!
        #expect(!s.poll(now: Date()))  // nothing new yet
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let target = s.state.visible.last!
        try other.perform(.escalate(reason: "from the lead's pane"), on: target, who: "dana", today: today)
        let at = Date()
        #expect(s.poll(now: at))
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
    @Test func aRefreshOfTheChangedAccountsEqualsAFreshStart() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("j"))
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
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
        #expect(s.poll(now: Date()))
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
        #expect(s.poll(now: Date()))
        #expect(
            s.state.rows.values.contains { $0.name == "New Co" } && s.state.rows.count == fresh.state.rows.count + 1)
    }

    @Test func theSelectedTaskStaysSelectedWhenTheAccountChangesElsewhere() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        s.select("Record goals, requirements and promises")
        let task = s.selectedTask!.id
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        try other.perform(
            .addTask(
                lane: .internal, title: "Aardvark first", owner: "x", due: Day(iso: "2026-10-01")!, checkpoint: nil),
            on: s.account.id, who: "dana", today: today)
        #expect(s.poll(now: Date()))
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
