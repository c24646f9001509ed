import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The changes screen (5): what changed per account, the same as `report changes`.
@Suite(.serialized)
struct ChangesScreenTests {
    @Test func fiveShowsTheSameAccountsAsTheReportWorstFirst() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("5"))
        #expect(s.state.screen == .changes)
        #expect(s.state.changesSince?.label == "in the last 7 days (no review yet)")
        let report = try Reports.read(.changes, from: store, today: today, csm: nil)
        #expect(!s.state.changes.isEmpty)
        #expect(s.state.changes == report.changes)
        let text = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(text.contains("Changes  │ \(s.state.changes.count) accounts changed"))
    }

    @Test func enterOpensTheAccountAndQComesBack() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        s.press(.char("5"), .char("j"))
        let id = s.state.changes[1].id
        s.press(.enter)
        #expect(s.state.screen == .account(id))
        s.press(.char("q"))
        #expect(s.state.screen == .changes)
    }

    @Test func afterAReviewTheScreenStartsThereAndShowsWhatOthersDidSince() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("2"))
        let reviewed = try #require(s.state.stalledSelected)
        s.press(.char("v"))
        s.press(.char("5"))
        #expect(s.state.changesSince?.label.hasPrefix("since your last review (") == true)
        // Another instance escalates an account after the review.
        _ = s.poll()
        let other = try #require(try store.accountIDs().first { $0 != reviewed })
        try Store(path: store.path, mode: .readWrite).perform(
            .escalate(reason: "the sponsor left", to: nil), on: other, who: "ana", today: today,
            now: Date(timeIntervalSince1970: 1_795_345_200))
        _ = s.poll(now: Date(timeIntervalSince1970: 1_795_345_300))
        let row = try #require(s.state.changes.first { $0.id == other })
        #expect(row.escalations == ["escalated by ana: the sponsor left"])
    }

    @Test func pCyclesThePeriodAndMNarrowsToTheUsersAccounts() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        s.press(.char("5"), .char("p"))
        #expect(s.state.changesSince?.label == "in the last 7 days")
        s.press(.char("p"))
        #expect(s.state.changesSince?.label == "in the last 30 days")
        let all = s.state.changes.count
        s.press(.char("m"))
        #expect(s.state.changes.allSatisfy { $0.csm == "lee" })
        #expect(s.state.changes.count < all)
        s.press(.char("p"))
        #expect(s.state.changesSince?.label == "in the last 7 days (no review yet)")
    }
}

extension ChangesScreenTests {
    /// What a fresh read of the changes screen's period gives, to hold a refreshed one to.
    static func readAfresh(_ store: Store, since: ChangesSince) throws -> [AccountChange] {
        let fresh = try Store(path: store.path, mode: .readOnly)
        return Reports.ordered(try fresh.changes(since: since.at, then: since.then, today: today))
    }

    /// Another user's changes are read again for their accounts only, and the screen is
    /// then what a fresh read shows, the selected account still selected.
    @Test func anotherUsersChangesReachTheScreenAsAFreshReadWouldShowThem() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("5"), .char("j"), .char("j"))
        _ = s.poll()
        let since = try #require(s.state.changesSince)
        let selected = s.state.changes[s.state.changesIndex].id
        let unchanged = try #require(try store.accountIDs().first { id in !s.state.changes.contains { $0.id == id } })
        let changedBefore = try #require(s.state.changes.last?.id)
        let other = try Store(path: store.path, mode: .readWrite)
        let now = Date(timeIntervalSince1970: 1_795_345_200)
        try other.perform(
            .escalate(reason: "the sponsor left", to: nil), on: unchanged, who: "ana", today: today, now: now)
        try other.perform(.reassignCSM(to: "Bo Chen"), on: changedBefore, who: "ana", today: today, now: now)
        // The screen asks for those two accounts only.
        #expect(
            s.state.reloadLeadScreen(changed: [unchanged, changedBefore]) == [
                .loadChanges(s.state.changesPeriod, mine: false, accounts: [unchanged, changedBefore])
            ])
        #expect(s.poll(now: now.addingTimeInterval(1)))
        #expect(s.state.changes == (try Self.readAfresh(store, since: since)))
        #expect(s.state.changes.contains { $0.id == unchanged })
        #expect(s.state.changes[s.state.changesIndex].id == selected)
        #expect(s.state.status == nil)
    }

    @Test func changesForSomeAccountsAreThoseOfTheWholeRead() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let since = ChangesSince.lastDays(30, today: today)
        let all = try store.changes(since: since.at, then: since.then, today: today)
        let ids = try store.accountIDs()
        let some = [ids[0], ids[3], ids[7], ids[20], 999_999]
        let part = try store.changes(since: since.at, then: since.then, today: today, accounts: some)
        #expect(!part.isEmpty)
        #expect(Set(part) == Set(all.filter { some.contains($0.id) }))
        #expect(try store.changes(since: since.at, then: since.then, today: today, accounts: []).isEmpty)
    }
}

extension ChangesScreenTests {
    @Test func theHeaderCountsAccountsThatTurnedRedOrAmberNotNewOnesOrThoseThatGotBetter() throws {
        func change(_ id: Int64, _ before: RAG?, _ now: RAG) -> AccountChange {
            AccountChange(
                id: id, name: "a\(id)", csm: "lee", segment: .smb, arr: 1, isNew: before == nil, ragBefore: before,
                ragNow: now, reasons: [], stageBefore: nil, stageNow: "Kickoff", events: 1)
        }
        let cases: [(list: [AccountChange], red: Int, amber: Int)] = [
            ([], 0, 0),
            ([change(1, .green, .red), change(2, .amber, .red), change(3, .green, .amber)], 2, 1),
            ([change(1, nil, .red), change(2, nil, .amber)], 0, 0),
            ([change(1, .red, .red), change(2, .red, .amber), change(3, .amber, .green)], 0, 1),
        ]
        for (list, red, amber) in cases {
            #expect(ChangesTurned(list) == ChangesTurned(red: red, amber: amber), "\(list.map(\.ragText))")
        }
    }

    @Test func theHeaderCountsFollowTheListWhenItIsReadAgain() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        s.press(.char("5"))
        #expect(s.state.changesTurned == ChangesTurned(s.state.changes))
        s.press(.char("p"))
        #expect(s.state.changesTurned == ChangesTurned(s.state.changes))
        let text = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(text.contains("\(s.state.changesTurned.red) turned red"))
    }
}

extension ChangesScreenTests {
    @Test func theFirstLinesComeFirstAndTheWholeListReplacesThemKeepingTheSelection() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("5"))
        let whole = s.state.changes
        let since = try #require(s.state.changesSince)
        #expect(whole.count > 6)
        let head = Array(whole.prefix(5))
        s.send(.changesHead(since, head))
        #expect(s.state.changes == head && s.state.changesPending)
        // The counts wait for the whole list; the header says the rest is being read.
        let header = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines[0]
        #expect(header.contains("│ first 5 shown, reading the rest…") && !header.contains("turned red"))
        s.press(.char("j"), .char("j"))
        let selected = s.state.changes[2].id
        // A change read meanwhile waits for the whole list, which is read after it.
        s.send(.changesChanged(since, accounts: [whole[0].id], mine: false, []))
        #expect(s.state.changes == head)
        s.send(.changesLoaded(since, whole))
        #expect(s.state.changes == whole && !s.state.changesPending)
        #expect(s.state.changes[s.state.changesIndex].id == selected)
        #expect(Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines[0].contains("accounts changed"))
    }

    @Test func offTheKeyPathTheScreenEndsWithTheWholeListAsReadInLine() throws {
        let dir = TempDir()
        // More changed accounts than the first lines hold (50), some that turned worse.
        let store = try makeStore(dir, seeded: 200)
        let inLine = try session(store)
        inLine.press(.char("5"))
        #expect(inLine.state.changes.count > 60)
        #expect(inLine.state.changes.prefix(10).allSatisfy { Reports.changeRank($0) == 0 })
        let t = try session(store)
        t.offKeyPath = true
        t.changesFirstLinesFrom = 100
        t.press(.char("5"))
        let deadline = Date().addingTimeInterval(20)
        var sawHead = false
        while t.isWaitingOffKeyPath && Date() < deadline {
            usleep(1_000)
            t.collect()
            if t.state.changesPending {
                sawHead = true
                #expect(t.state.changes == Array(inLine.state.changes.prefix(50)))
            }
        }
        #expect(sawHead)
        #expect(t.state.changes == inLine.state.changes && !t.state.changesPending && !t.isWaitingOffKeyPath)
        #expect(t.state.status?.text.contains("reading") != true)
    }

    @Test func aSmallPortfolioIsReadWholeAtOnce() throws {
        let dir = TempDir()
        let t = try session(try makeStore(dir, seeded: 200))
        t.offKeyPath = true
        t.press(.char("5"))
        let deadline = Date().addingTimeInterval(20)
        while t.isWaitingOffKeyPath && Date() < deadline {
            usleep(1_000)
            t.collect()
            #expect(!t.state.changesPending)
        }
        #expect(!t.state.changes.isEmpty && !t.isWaitingOffKeyPath)
    }

    @Test func aReadThatFailsLeavesTheChangesNoLongerPending() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 5))
        s.press(.char("5"))
        s.send(.changesHead(try #require(s.state.changesSince), []))
        #expect(s.state.changesPending)
        s.send(.refused("cannot read the store: disk I/O error", fresh: nil))
        #expect(!s.state.changesPending)
    }
}
