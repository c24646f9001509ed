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
        // Every touchpoint not yet marked held or missed, past ones included (overdue), and
        // none that was.
        let planned = try store.accounts().filter(\.isActive).flatMap { a in
            a.touchpoints.filter { $0.state == nil && $0.on <= today + 6 }.map(\.id)
        }
        #expect(Set(items.filter { $0.kind == .touchpoint }.compactMap(\.itemID)) == Set(planned))
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

extension AgendaTests {
    @Test func tJumpsToTodayAndXMarksTheTaskDoneThere() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 20)
        let s = try session(store)
        s.press(.char("3"), .char("t"))
        let i = s.state.agendaIndex
        #expect(s.state.agenda[i].day >= today && (i == 0 || s.state.agenda[i - 1].day < today))
        // The first task from today on that can be done now (its dependencies done),
        // marked done from the agenda.
        var done: (AgendaItem, Int64)?
        for j in i..<s.state.agenda.count {
            let item = s.state.agenda[j]
            guard case .task = item.kind, let id = item.itemID,
                let a = try store.account(item.accountID), let t = a.task(id),
                t.dependsOn.allSatisfy({ a.task($0)?.isOpen == false })
            else { continue }
            while s.state.agendaIndex < j { s.press(.char("j")) }
            s.press(.char("x"))
            done = (item, id)
            break
        }
        let (item, id) = try #require(done)
        guard case .task(let lane) = item.kind else { return }
        let t = try #require(try store.account(item.accountID)?.task(id))
        #expect(t.status == (lane == .approval ? .approved : .done), "\(String(describing: s.state.status))")
        #expect(s.state.status?.text.contains(" · saved: ") == true)
        // The agenda follows: the task is no longer on it.
        #expect(!s.state.agenda.contains { $0.itemID == id && $0.kind == item.kind })
        s.press(.char("u"))
        #expect(try store.account(item.accountID)?.task(id)?.isOpen == true)
    }

    @Test func aNewlyAddedTaskIsTheOneSelected() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.open("Zürich")
        s.focus(.customer)
        s.press(.char("a"))
        s.type("Send logo files")
        s.press(.enter, .enter, .enter)
        #expect(s.selectedTask?.title == "Send logo files" && s.state.focus?.lane == .customer)
    }
}

extension AgendaTests {
    @Test func xOnAnOverdueTouchpointAsksWhatCameOfItAndMarksItHeld() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 20)
        let s = try session(store)
        s.press(.char("3"))
        let j = try #require(s.state.agenda.firstIndex { $0.kind == .touchpoint && $0.day < today })
        let item = s.state.agenda[j]
        while s.state.agendaIndex < j { s.press(.char("j")) }
        s.press(.char("x"))
        #expect(s.state.prompt?.label.hasSuffix("held — what came of it") == true)
        s.type("sponsor agreed the dates")
        s.press(.enter)
        #expect(s.state.status?.text.contains(" · saved: touchpoint") == true, "\(String(describing: s.state.status))")
        let tp = try #require(try store.account(item.accountID)?.touchpoints.first { $0.id == item.itemID })
        #expect(tp.state == .held && tp.outcome == "sponsor agreed the dates")
        // Off the agenda once held; u puts it back.
        #expect(!s.state.agenda.contains { $0.kind == .touchpoint && $0.itemID == item.itemID })
        s.press(.char("u"))
        #expect(try store.account(item.accountID)?.touchpoints.first { $0.id == item.itemID }?.state == nil)
    }
}

extension AgendaTests {
    /// What a fresh read of the agenda gives, to hold a refreshed one to.
    static func readAfresh(_ store: Store) throws -> [AgendaItem] {
        try Store(path: store.path, mode: .readOnly).agenda(today: today, through: today + 6)
    }

    @Test func anotherUsersChangesReachTheAgendaAsAFreshReadWouldShowThem() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("3"))
        _ = s.poll()
        let before = s.state.agenda
        // Another instance adds a task due today to one account and finishes an agenda task
        // of another.
        let other = try Store(path: store.path, mode: .readWrite)
        let now = Date(timeIntervalSince1970: 1_795_345_200)
        let first = try #require(before.first?.accountID)
        try other.perform(
            .addTask(lane: .customer, title: "Zz new from ana", owner: "ana", due: today, checkpoint: nil), on: first,
            who: "ana", today: today, now: now)
        let task = try #require(before.first { if case .task = $0.kind { $0.accountID != first } else { false } })
        let taskID = try #require(task.itemID)
        try other.perform(
            .setTaskStatus(task: taskID, to: task.kind == .task(.approval) ? .approved : .done, reason: nil),
            on: task.accountID, who: "ana", today: today, now: now)
        #expect(s.poll(now: now.addingTimeInterval(1)))
        #expect(s.state.agenda == (try Self.readAfresh(store)))
        #expect(s.state.agenda.contains { $0.title == "Zz new from ana" && $0.day == today })
        #expect(!s.state.agenda.contains { $0.itemID == taskID && $0.kind == task.kind })
        #expect(s.state.status == nil)
    }

    @Test func aChangeMadeOnTheAgendaLeavesItAsAFreshReadWouldShowIt() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let s = try session(store)
        s.press(.char("3"), .char("t"))
        let count = s.state.agenda.count
        s.press(.char("u"))
        #expect(s.state.agenda == (try Self.readAfresh(store)))
        s.press(.char("x"))
        #expect(s.state.agenda == (try Self.readAfresh(store)))
        #expect(s.state.agenda.count <= count)
    }
}

extension AgendaTests {
    @Test(arguments: [1, 7, 40, 100_000])
    func theAgendasFirstScreenIsTheStartOfTheWholeAgendaWithItsCounts(_ count: Int) throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let whole = try store.agenda(today: today, through: today + 6)
        let head = try store.agendaHead(today: today, through: today + 6, count: count)
        #expect(head.items == Array(whole.prefix(count)))
        #expect(head.overdue == whole.filter { $0.day < today }.count)
        #expect(head.today == whole.filter { $0.day == today }.count)
        #expect(head.coming == whole.filter { $0.day > today }.count)
        #expect(head.overdue > 0 && head.today > 0 && head.coming > 0)
    }

    @Test func offTheKeyPathTheFirstScreenComesFirstAndTheWholeAgendaReplacesIt() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let whole = try store.agenda(today: today, through: today + 6)
        let s = try session(store)
        let head = try store.agendaHead(today: today, through: today + 6, count: 5)
        s.press(.char("3"))
        s.send(.agendaHead(head))
        #expect(s.state.agenda == head.items && s.state.agendaHead == head)
        // The header counts the whole agenda while only its first screen is read.
        let header = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines[0]
        #expect(header.contains("\(head.overdue) overdue") && header.contains("\(head.coming) in the next six days"))
        // A change read meanwhile waits for the whole agenda, which is read after it.
        s.send(.agendaChanged(accounts: [whole[0].accountID], mine: false, []))
        #expect(s.state.agenda == head.items)
        s.send(.agendaLoaded(whole))
        #expect(s.state.agenda == whole && s.state.agendaHead == nil)
        #expect(Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines[0] == header)

        // Through the reads off the key path, as the terminal does them: the same agenda.
        let t = try session(store)
        t.offKeyPath = true
        t.press(.char("3"))
        // Until the first of it comes in, the screen says it is being read, not that nothing is due.
        let waiting = Renderer(glyphs: Glyphs(unicode: true)).render(t.state).lines.joined(separator: "\n")
        #expect(t.state.agendaPending && waiting.contains("reading the agenda…"))
        #expect(!waiting.contains("nothing overdue"))
        let deadline = Date().addingTimeInterval(10)
        while t.isWaitingOffKeyPath && Date() < deadline {
            usleep(1_000)
            t.collect()
        }
        #expect(
            t.state.agenda == whole && t.state.agendaHead == nil && !t.isWaitingOffKeyPath && !t.state.agendaPending)
        #expect(t.state.status?.text.contains("reading") != true)
    }
}

extension AgendaTests {
    @Test func aReadThatFailsLeavesTheAgendaNoLongerSayingItIsBeingRead() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 5))
        s.offKeyPath = true
        s.press(.char("3"))
        #expect(s.state.agendaPending)
        s.send(.refused("cannot read the store: disk I/O error", fresh: nil))
        #expect(!s.state.agendaPending)
        #expect(s.state.status?.text == "cannot read the store: disk I/O error")
        while s.isWaitingOffKeyPath { s.collect() }
    }
}
