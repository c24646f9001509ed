import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// Every key of the board and account screens, through the update function and a real
/// store: what the screen shows, what the store holds, and each refusal's words.
@Suite(.serialized)
struct BoardKeyTests {
    @Test func movingNeverLeavesTheList() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), height: 20)
        #expect(s.state.selectedIndex == 0)
        s.press(.char("k"))
        #expect(s.state.selectedIndex == 0)
        s.press(.char("G"))
        #expect(s.state.selectedIndex == 31)
        s.press(.char("j"), .down)
        #expect(s.state.selectedIndex == 31)
        s.press(.char("g"), .pageDown)
        #expect(s.state.selectedIndex == s.state.boardListHeight)
        #expect(s.state.boardTop > 0 && s.state.boardTop <= s.state.selectedIndex!)
        s.press(.pageUp, .up)
        #expect(s.state.selectedIndex == 0 && s.state.boardTop == 0)
    }

    /// Regression: found by the 100,000-key random run — a filter that kept the selected
    /// account but shrank the list left the window scrolled past its end (a blank board).
    @Test func aFilterThatKeepsTheSelectionScrollsTheWindowBackOverTheList() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), height: 20)
        s.press(.char("G"))
        let last = s.state.rows[s.state.selectedAccount!]!.name
        #expect(s.state.boardTop > 0)
        s.press(.char("/"))
        s.type(last)
        s.press(.enter)
        #expect(s.state.visible.contains(s.state.selectedAccount!) && s.state.boardTop == 0)
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines
        #expect(screen[2].contains(Text.truncate(last, to: 10).dropLast()))
    }

    @Test func theDefaultSortIsWorstFirstAndSCyclesTheOrders() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        let rags = s.state.visible.compactMap { s.state.rows[$0] }.filter { !$0.completed }.map(\.rag)
        #expect(rags == rags.sorted(by: >))
        var seen: [BoardSort] = []
        for _ in 0..<5 {
            s.press(.char("s"))
            seen.append(s.state.sort)
        }
        #expect(seen == [.goLive, .daysInStage, .arr, .name, .worstFirst])
        s.press(.char("s"), .char("s"), .char("s"))
        let arrs = s.state.visible.compactMap { s.state.rows[$0]?.arr }
        #expect(arrs == arrs.sorted(by: >) && s.state.status?.text == "sorted by ARR")
    }

    @Test func slashFiltersAsYouTypeEscClearsEnterKeeps() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        s.press(.char("/"))
        s.type("zürich")
        #expect(
            s.state.visible.allSatisfy { s.state.rows[$0]!.name.lowercased().contains("zürich") }
                && !s.state.visible.isEmpty)
        s.press(.escape)
        #expect(s.state.filter.isEmpty && s.state.visible.count == 32 && s.state.prompt == nil)
        s.press(.char("/"))
        s.type("ana souza")
        s.press(.enter)
        #expect(s.state.filter == "ana souza" && s.state.visible.allSatisfy { s.state.rows[$0]!.csm == "Ana Souza" })
        #expect(!s.state.quitting)  // Esc and Enter in a prompt never quit
    }

    @Test func mShowsOnlyTheUsersAccounts() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 10))
        s.press(.char("m"))
        #expect(s.state.visible.map { s.state.rows[$0]!.name } == ["Zürich Re 東京"])
        s.press(.char("m"))
        #expect(s.state.visible.count == 12)
    }

    @Test func qQuitsFromTheBoardAndEscNeverDoes() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.press(.escape)
        #expect(!s.state.quitting)
        s.press(.char("q"))
        #expect(s.state.quitting)
        let t = try session(try Store(path: dir.file("s.sqlite"), mode: .readWrite))
        t.press(.ctrl("c"))
        #expect(t.state.quitting)
    }

    @Test func rReloadsWhatAnotherProcessSaved() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let id = s.state.visible.first { s.state.rows[$0]!.name == "Acme 🚀 Labs" }!
        try other.perform(.escalate(reason: "sponsor left"), on: id, who: "dana", today: today)
        #expect(s.state.rows[id]!.rag != .red || s.state.accounts[id]!.escalation == nil)
        s.press(.char("r"))
        #expect(s.state.accounts[id]!.escalation?.reason == "sponsor left" && s.state.rows[id]!.rag == .red)
        #expect(s.state.status?.text == "reloaded 2 accounts")
    }

    @Test func enterOpensTheSelectedAccountAndQGoesBack() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.open("Acme")
        #expect(s.account.name == "Acme 🚀 Labs" && s.state.focus?.lane == .internal)
        s.press(.char("q"))
        #expect(s.state.screen == .board && !s.state.quitting)
    }

    @Test func aTooSmallTerminalStillQuits() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.send(.resize(width: 50, height: 10))
        #expect(s.state.tooSmall)
        s.press(.char("j"), .enter)
        #expect(s.state.screen == .board)
        s.press(.char("q"))
        #expect(s.state.quitting)
    }
}

@Suite(.serialized)
struct AccountKeyTests {
    func opened() throws -> (TempDir, Store, Session) {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        return (dir, store, s)
    }

    func stored(_ store: Store, _ s: Session) throws -> Account { try store.account(s.account.id)! }

    @Test func xCompletesATaskAndSavesItWithOneEvent() throws {
        let (_, store, s) = try opened()
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        let t = try stored(store, s).tasks.first { $0.title == "Sales-to-CS handoff meeting" }!
        #expect(t.status == .done && t.finishedOn == today)
        let events = try store.events(account: s.account.id)
        #expect(events.count == 1 && events[0].who == "lee" && events[0].kind == "task.status")
        #expect(s.state.status == StatusLine(text: "saved: 'Sales-to-CS handoff meeting' open → done", isError: false))
        s.press(.char("x"))
        #expect(try stored(store, s).tasks.first { $0.title == "Sales-to-CS handoff meeting" }!.status == .open)
    }

    @Test func xIsRefusedBeforeTheTasksItDependsOn() throws {
        let (_, store, s) = try opened()
        s.select("Record goals, requirements and promises")
        s.press(.char("x"))
        #expect(
            s.state.status
                == StatusLine(
                    text: "'Record goals, requirements and promises' cannot be done "
                        + "before 'Sales-to-CS handoff meeting' (open)",
                    isError: true))
        #expect(try store.events().isEmpty)
    }

    @Test func bBlocksWithAReasonAndEscCancels() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("b"))
        s.type("no contact")
        s.press(.escape)
        #expect(try store.events().isEmpty && s.state.prompt == nil && !s.state.quitting)
        s.press(.char("b"))
        s.type("no contact yet")
        s.press(.enter)
        let t = try stored(store, s).tasks.first { $0.title == "Send welcome pack" }!
        #expect(t.status == .blocked && t.reason == "no contact yet")
        #expect(s.state.rows[s.account.id]!.rag == .red)
        s.press(.char("b"))  // b on a blocked task unblocks it
        #expect(try stored(store, s).tasks.first { $0.title == "Send welcome pack" }!.status == .open)
    }

    @Test func wMarksACustomerTaskWaiting() throws {
        let (_, store, s) = try opened()
        s.focus(.customer)
        s.select("Complete intake questionnaire")
        s.press(.char("w"))
        #expect(try stored(store, s).tasks.first { $0.title == "Complete intake questionnaire" }!.status == .waiting)
    }

    @Test func theApprovalLaneApprovesAndRejectsWithAReason() throws {
        let (_, store, s) = try opened()
        s.focus(.approval)
        s.select("Security review")
        s.press(.char("X"))
        s.type("pen test missing")
        s.press(.enter)
        var t = try stored(store, s).tasks.first { $0.title == "Security review" }!
        #expect(t.status == .rejected && t.reason == "pen test missing")
        s.press(.char("x"))
        t = try stored(store, s).tasks.first { $0.title == "Security review" }!
        #expect(t.status == .approved)
        s.press(.char("b"))
        #expect(s.state.status?.text == "an approval is approved or rejected, not blocked")
        s.focus(.internal)
        s.press(.char("X"))
        #expect(s.state.status?.text == "only approvals can be rejected (this is the Internal lane)")
    }

    @Test func aAddsATaskToTheFocusedLaneAskingTitleOwnerAndDue() throws {
        let (_, store, s) = try opened()
        s.focus(.customer)
        s.press(.char("a"))
        s.type("Send logo files")
        s.press(.enter)
        #expect(s.state.prompt?.text == "Mia Vogel")  // the customer's champion is offered
        s.press(.enter)
        #expect(s.state.prompt?.text == "2026-11-29")
        s.press(.char("+"), .char("+"), .char("-"), .enter)
        let t = try #require(
            try stored(store, s).tasks.first { $0.title == "Send logo files" },
            "status: \(String(describing: s.state.status))")
        #expect(t.lane == .customer && t.owner == "Mia Vogel" && t.due == Day(iso: "2026-11-30")! && t.status == .open)
        #expect(s.selectedTask?.lane == .customer)
    }

    @Test func eDAndOEditTitleDueDateAndOwner() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("e"))
        for _ in 0..<4 { s.press(.backspace) }
        s.type("kit")
        s.press(.enter)
        s.select("Send welcome kit")
        s.press(.char("d"), .char("+"), .enter)
        s.press(.char("o"), .ctrl("u"))
        s.type("Kai Berg")
        s.press(.enter)
        let t = try stored(store, s).tasks.first { $0.title == "Send welcome kit" }!
        #expect(t.due == Day(iso: "2026-10-22")! && t.owner == "Kai Berg")
        s.press(.char("d"), .ctrl("u"))
        s.type("2026-02-30")
        s.press(.enter)
        #expect(s.state.status == StatusLine(text: "'2026-02-30' is not a date (YYYY-MM-DD)", isError: true))
        #expect(try store.events().map(\.kind) == ["task.title", "task.due", "task.owner"])
    }

    @Test func nAddsANoteAsAnEvent() throws {
        let (_, store, s) = try opened()
        s.press(.char("n"))
        s.type("called Mia about SSO")
        s.press(.enter)
        let e = try store.events(account: s.account.id).last!
        #expect(e.kind == "note" && e.detail == "called Mia about SSO" && e.who == "lee")
    }

    @Test func cAchievesTheSelectedCheckpointOnlyWhenItsWorkIsDone() throws {
        let (_, store, s) = try opened()
        s.press(.char("c"))
        #expect(
            s.state.status?.text
                == "Handoff complete is not met: 2 open tasks "
                + "('Sales-to-CS handoff meeting', 'Record goals, requirements and promises')"
        )
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        s.select("Record goals, requirements and promises")
        s.press(.char("x"))
        s.press(.char("c"))
        #expect(try stored(store, s).checkpoints.first { $0.key == "handoff-complete" }!.achievedOn == today)
    }

    @Test func cAsksForTheCustomersConfirmationWhereRequired() throws {
        let (_, store, s) = try opened()
        s.press(.char("]"), .char("]"))  // Kickoff held, which the customer confirms
        #expect(s.state.selectedCheckpoint(in: s.account)?.name == "Kickoff held")
        // Finish the kickoff's work in dependency order, in each lane.
        for title in [
            "Sales-to-CS handoff meeting", "Record goals, requirements and promises", "Draft success plan",
            "Prepare kickoff agenda",
        ] {
            s.select(title)
            s.press(.char("x"))
        }
        s.focus(.customer)
        s.select("Confirm executive sponsor attends")
        s.press(.char("x"))
        s.focus(.approval)
        s.select("Success plan sign-off")
        s.press(.char("x"))
        s.press(.char("c"))
        #expect(
            s.state.prompt?.label.hasPrefix("Kickoff held needs the customer's confirmation") == true
                && s.state.prompt?.text == "Mia Vogel")
        s.press(.enter)
        let c = try stored(store, s).checkpoints.first { $0.key == "kickoff-held" }!
        #expect(c.achievedOn == today && c.confirmedBy == "Mia Vogel")
    }

    @Test func greaterThanAdvancesTheStageOrAsksForAnOverride() throws {
        let (_, store, s) = try opened()
        s.press(.char(">"))
        #expect(
            s.state.prompt?.label
                == "cannot leave Handoff: checkpoint 'Handoff complete' not achieved "
                + "— override reason (Esc keeps the stage)"
        )
        s.press(.escape)
        #expect(try stored(store, s).stage.key == "handoff")
        s.press(.char(">"))
        s.type("Sales handoff done by phone")
        s.press(.enter)
        let a = try stored(store, s)
        #expect(a.stage.key == "intake" && a.stages[0].overrideReason == "Sales handoff done by phone")
        #expect(try store.events().last?.detail == "override: Sales handoff done by phone")
    }

    @Test func bangEscalatesWithAReason() throws {
        let (_, store, s) = try opened()
        s.press(.char("!"))
        s.type("sponsor unhappy")
        s.press(.enter)
        #expect(try stored(store, s).escalation?.reason == "sponsor unhappy")
        #expect(s.state.rows[s.account.id]!.rag == .red)
    }

    @Test func uUndoesTheLastChangeOfThisSession() throws {
        let (_, store, s) = try opened()
        let before = try stored(store, s)
        s.focus(.customer)
        s.press(.char("a"))
        s.type("Temp")
        s.press(.enter, .enter, .enter)
        s.press(.char("u"))
        let after = try stored(store, s)
        #expect(after.tasks == before.tasks && after.version == before.version + 2)
        #expect(try store.events().map(\.kind) == ["task.added", "undo"])
        s.press(.char("u"))
        #expect(s.state.status == StatusLine(text: "nothing to undo in this session", isError: true))
    }

    @Test func aChangeOnAStaleViewIsRefusedAndTheFreshStateShown() throws {
        let (dir, store, s) = try opened()
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let task = s.account.tasks.first { $0.title == "Send welcome pack" }!
        try other.perform(
            .setTaskDue(task: task.id, due: today + 2), on: s.account.id, who: "dana", today: today,
            now: Date(timeIntervalSince1970: 1_795_345_200))
        s.select("Send welcome pack")
        s.press(.char("x"))
        #expect(s.state.status == StatusLine(text: "changed by dana at 2026-11-22T11:00:00Z — reloaded", isError: true))
        #expect(s.account.task(task.id)?.due == today + 2)  // the fresh state is shown
        s.press(.char("x"))
        #expect(try stored(store, s).task(task.id)!.status == .done)
    }

    @Test func anotherPanesChangeToADifferentRowDoesNotBlockMine() throws {
        let (dir, store, s) = try opened()
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        try other.perform(.addNote(text: "from another pane", task: nil), on: s.account.id, who: "dana", today: today)
        s.select("Send welcome pack")
        s.press(.char("x"))
        #expect(s.state.status?.isError == false)
        #expect(try stored(store, s).tasks.first { $0.title == "Send welcome pack" }!.status == .done)
    }

    @Test func tabAndShiftTabCycleTheLanes() throws {
        let (_, _, s) = try opened()
        var lanes: [Lane] = []
        for _ in 0..<3 {
            s.press(.tab)
            lanes.append(s.state.focus!.lane)
        }
        #expect(lanes == [.customer, .approval, .internal])
        s.press(.backTab)
        #expect(s.state.focus?.lane == .approval)
        s.press(.char("h"), .char("l"))
        #expect(s.state.focus?.lane == .approval)
    }
}

@Suite(.serialized)
struct ReadOnlyTests {
    /// Every key the account and board screens know, pressed on a read-only store: the
    /// store is left byte-identical, however a screen may have asked.
    @Test func noKeyCanWriteToAReadOnlyStore() throws {
        let dir = TempDir()
        _ = try makeStore(dir, seeded: 5)
        let path = dir.file("s.sqlite")
        let before = FileManager.default.contents(atPath: path)
        let eventsBefore = try Store(path: path, mode: .readOnly).events().count
        let s = try session(try Store(path: path, mode: .readOnly))
        #expect(s.state.readOnly)
        let keys: [Key] = KeyTable.defaults.bindings.flatMap(\.keys).filter { $0 != .ctrl("c") && $0 != .char("q") }
        var refused = 0
        // Every key on every screen, answering every prompt it opens.
        let screens: [(String, () -> Void)] = [
            (
                "account",
                {
                    s.press(.char("1"))
                    s.open("Zürich")
                }
            ), ("stalled", { s.press(.char("2")) }),
            ("agenda", { s.press(.char("3")) }), ("board", { s.press(.char("1")) }),
        ]
        for (_, go) in screens {
            for lane in Lane.allCases {
                go()
                if s.state.currentAccount != nil { s.focus(lane) }
                for k in keys {
                    s.press(k)
                    for _ in 0..<3 where s.state.prompt != nil {
                        s.type("x")
                        s.press(.enter)
                    }
                    if s.state.helpOpen { s.press(.escape) }
                    if s.state.status?.text == "read-only: nothing was changed" { refused += 1 }
                    if s.state.quitting {
                        Issue.record("a key quit")
                        return
                    }
                    go()
                    if s.state.currentAccount != nil { s.focus(lane) }
                }
            }
        }
        #expect(refused > 20)
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(try Store(path: path, mode: .readOnly).events().count == eventsBefore)
    }
}

@Suite(.serialized)
struct PromptStalenessTests {
    @Test func anAnswerGivenAfterSomeoneElseChangedTheRowIsRefusedEvenAfterARefresh() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = try session(store)
        s.open("Zürich")
        s.select("Send welcome pack")
        let task = s.selectedTask!.id
        s.press(.char("e"))  // the question is asked about the title as it is now
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        try other.perform(
            .editTaskTitle(task: task, title: "Send the welcome pack"), on: s.account.id, who: "dana", today: today,
            now: Date(timeIntervalSince1970: 1_795_345_200))
        #expect(s.poll(now: Date()) && s.state.prompt != nil)  // the screen refreshed under the open prompt
        s.type(" today")
        s.press(.enter)
        #expect(s.state.status == StatusLine(text: "changed by dana at 2026-11-22T11:00:00Z — reloaded", isError: true))
        #expect(try store.account(s.account.id)!.task(task)!.title == "Send the welcome pack")
    }
}

struct SortKeyTests {
    /// Each order written out plainly, as the user reads it: the oracle for the compact keys.
    static func before(_ order: BoardSort, _ a: BoardRow, _ b: BoardRow) -> Bool {
        func rank(_ r: RAG) -> Int { r == .red ? 2 : r == .amber ? 1 : 0 }
        let byName =
            a.name.lowercased() != b.name.lowercased() ? a.name.lowercased() < b.name.lowercased() : a.id < b.id
        switch order {
        case .worstFirst:
            let ka = (a.completed ? 1 : 0, -rank(a.rag), a.stall == nil ? 1 : 0, a.goLive.ordinal)
            let kb = (b.completed ? 1 : 0, -rank(b.rag), b.stall == nil ? 1 : 0, b.goLive.ordinal)
            return ka != kb ? ka < kb : byName
        case .goLive: return a.goLive != b.goLive ? a.goLive < b.goLive : byName
        case .daysInStage:
            let (oa, ob) = (a.daysInStage - a.slaDays, b.daysInStage - b.slaDays)
            return oa != ob ? oa > ob : byName
        case .arr: return a.arr != b.arr ? a.arr > b.arr : byName
        case .name: return byName
        }
    }

    @Test(arguments: BoardSort.allCases)
    func theSortKeyGivesTheOrderTheUserExpects(_ order: BoardSort) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 60))
        var rows = s.state.rows.values
        #expect(s.state.visible == rows.sorted { Self.before(.worstFirst, $0, $1) }.map(\.id))
        // Extremes the packed keys must still order: no ARR and half a trillion, go-lives a
        // century apart, a stage ten thousand days over its SLA and one far inside it.
        rows[0].arr = 0
        rows[1].arr = 500_000_000_000
        rows[2].goLive = Day(iso: "1970-01-01")!
        rows[3].goLive = Day(iso: "2099-12-31")!
        rows[4].daysInStage = 10_000
        rows[5].slaDays = 10_000
        let byKey = rows.map { order.key(RowKeys($0, csm: 0)) }.sorted().map { rows[BoardSort.rank(of: $0)].id }
        #expect(rows.sorted { Self.before(order, $0, $1) }.map(\.id) == byKey)
    }
}

struct FilterNarrowingTests {
    /// Typing narrows the listed rows without re-sorting; the result must be exactly what a
    /// full rebuild gives, for every prefix of several filters, in every sort order.
    @Test(arguments: BoardSort.allCases)
    func narrowingEqualsAFullRebuild(_ order: BoardSort) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 80))
        for _ in 0..<order.rawValue { s.press(.char("s")) }
        for word in ["ana souza", "re", "zürich", "東京", "xyz"] {
            s.press(.char("/"))
            for c in word {
                s.type(String(c))
                var fresh = s.state
                fresh.sort = order  // a didSet: rebuilds from every row
                #expect(s.state.visible == fresh.visible, "\(order) '\(word)'")
                #expect(s.state.counts == fresh.counts)
            }
            s.press(.escape)
        }
    }
}
