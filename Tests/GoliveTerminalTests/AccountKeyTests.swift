import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct AccountKeyTests {
    func opened() throws -> (TempDir, Store, Session) { try openedZurich() }

    func stored(_ store: Store, _ s: Session) throws -> Account { try store.account(s.account.id)! }

    @Test func xCompletesATaskAndSavesItWithOneEvent() throws {
        let (_, store, s) = try opened()
        s.select("Sales-to-CS handoff meeting")
        s.press(.char("x"))
        let t = try stored(store, s).tasks.first { $0.title == "Sales-to-CS handoff meeting" }!
        #expect(t.status == .done && t.finishedOn == today)
        let events = try store.events(account: s.account.id)
        #expect(events.count == 1 && events[0].who == "lee" && events[0].kind == "task.status")
        #expect(
            s.state.status
                == StatusLine(
                    text: "\(s.account.name) · saved: 'Sales-to-CS handoff meeting' open → done", isError: false))
        s.press(.char("x"))
        #expect(try stored(store, s).tasks.first { $0.title == "Sales-to-CS handoff meeting" }!.status == .open)
    }

    @Test func aTaskMarkedDoneBeforeAnyMoveStaysSelectedSoASecondXReopensIt() throws {
        let (_, store, s) = try opened()
        // No move yet: the lane's first open task is the one selected, and x acts on it.
        let first = try #require(s.state.currentAccount.flatMap { s.state.selectedTask(in: $0) })
        s.press(.char("x"))
        #expect(s.state.currentAccount.flatMap { s.state.selectedTask(in: $0) }?.id == first.id)
        s.press(.char("x"))
        let after = try stored(store, s)
        #expect(after.tasks.first { $0.id == first.id }?.status == first.status)
        #expect(after.tasks.filter { $0.id != first.id } == s.account.tasks.filter { $0.id != first.id })
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
        #expect(s.state.prompt?.purpose == .refusal("an approval is approved or rejected, not blocked"))
        s.press(.escape)
        s.focus(.internal)
        s.press(.char("X"))
        #expect(s.state.prompt?.purpose == .refusal("only approvals can be rejected (this is the Internal lane)"))
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
        // Once the date is no longer selected (→), + and - move it a day.
        s.press(.right, .char("+"), .char("+"), .char("-"), .enter)
        let t = try #require(
            try stored(store, s).tasks.first { $0.title == "Send logo files" },
            "status: \(String(describing: s.state.status))")
        #expect(t.lane == .customer && t.owner == "Mia Vogel" && t.due == Day(iso: "2026-11-30")! && t.status == .open)
        #expect(s.selectedTask?.lane == .customer)
    }

    @Test func eDAndOEditTitleDueDateAndOwner() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        // The title opens selected: End puts the cursor after it, to edit its end.
        s.press(.char("e"), .end)
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
        #expect(s.state.prompt?.problem == "'2026-02-30' is not a date")
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
        // The account is still in Handoff: a Kickoff checkpoint needs an override first.
        s.press(.char("c"))
        #expect(s.state.prompt?.label.hasPrefix("Kickoff held belongs to Kickoff, not reached yet") == true)
        s.type("kickoff held early at the sponsor's request")
        s.press(.enter)
        #expect(
            s.state.prompt?.label.hasPrefix("Kickoff held needs the customer's confirmation") == true
                && s.state.prompt?.text == "Mia Vogel")
        s.press(.enter)
        let c = try stored(store, s).checkpoints.first { $0.key == "kickoff-held" }!
        #expect(c.achievedOn == today && c.confirmedBy == "Mia Vogel")
        #expect(
            try store.events().last?.detail
                == "confirmed by Mia Vogel; before its stage: kickoff held early at the sponsor's request")
    }

    @Test func greaterThanAdvancesTheStageOrAsksForAnOverride() throws {
        let (_, store, s) = try opened()
        s.press(.char(">"))
        #expect(
            s.state.prompt?.label
                == "cannot leave Handoff: handoff record lacks technical requirements, promises made by Sales; "
                + "checkpoint 'Handoff complete' not achieved — override reason (Esc keeps the stage)"
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

    @Test func bangEscalatesWithAReasonAndToWhomAndCapitalRResolvesIt() throws {
        let (_, store, s) = try opened()
        s.press(.char("!"))
        s.type("sponsor unhappy")
        s.press(.enter)
        #expect(s.state.prompt?.label == "escalated to (a level or a person)")
        s.type("VP Customer Success")
        s.press(.enter)
        let e = try #require(try stored(store, s).escalation)
        #expect(e.reason == "sponsor unhappy" && e.to == "VP Customer Success")
        #expect(s.state.status?.text == "\(s.account.name) · saved: escalated to VP Customer Success: sponsor unhappy")
        #expect(s.state.rows[s.account.id]!.rag == .red && s.state.rows[s.account.id]!.escalated)
        s.press(.char("R"))
        s.type("exec call held, plan agreed")
        s.press(.enter)
        #expect(try stored(store, s).escalation == nil)
        #expect(s.state.status?.text == "\(s.account.name) · saved: escalation resolved: exec call held, plan agreed")
        #expect(!s.state.rows[s.account.id]!.escalated)
        s.press(.char("R"))
        #expect(s.state.prompt?.purpose == .refusal("Zürich Re 東京 is not escalated"))
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
            now: Date(timeIntervalSince1970: 1_795_341_420))  // 09:57, 3 min before the session's clock
        s.select("Send welcome pack")
        s.press(.char("x"))
        #expect(s.state.status == StatusLine(text: "changed by dana 3 min ago — reloaded", isError: true))
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

extension AccountKeyTests {
    @Test func pMarksInProgressAndSSkipsWithAReason() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        s.press(.char("p"))
        #expect(try stored(store, s).tasks.first { $0.title == "Send welcome pack" }?.status == .inProgress)
        s.press(.char("p"))
        #expect(try stored(store, s).tasks.first { $0.title == "Send welcome pack" }?.status == .open)
        s.press(.char("s"))
        s.type("customer sends it themselves")
        s.press(.enter)
        let t = try #require(try stored(store, s).tasks.first { $0.title == "Send welcome pack" })
        #expect(t.status == .skipped && t.reason == "customer sends it themselves")
        s.press(.char("s"))
        #expect(try stored(store, s).task(t.id)?.status == .open)
    }

    @Test func dDeletesATaskWithAReasonAndUBringsItBackWithWhatWaitedOnIt() throws {
        let (dir, store, s) = try opened()
        s.select("Sales-to-CS handoff meeting")
        let id = try #require(s.selectedTask?.id)
        let waiting = try stored(store, s).tasks.filter { $0.dependsOn.contains(id) }.map(\.id)
        #expect(!waiting.isEmpty)
        s.press(.char("D"))
        s.type("held before the contract")
        s.press(.enter)
        #expect(
            s.state.status?.text
                == "\(s.account.name) · saved: deleted 'Sales-to-CS handoff meeting' (held before the contract)")
        let after = try stored(store, s)
        #expect(after.task(id) == nil && waiting.allSatisfy { after.task($0)?.dependsOn.contains(id) == false })
        // The deletion survives export and restore, its event naming a task gone.
        let doc = try ExportDocument.make(from: store)
        try doc.json().write(to: URL(fileURLWithPath: dir.file("e.json")))
        let copy = try Store(path: dir.file("copy.sqlite"), mode: .create)
        _ = try ExportFile.open(path: dir.file("e.json")).restore(into: copy)
        s.press(.char("u"))
        let back = try stored(store, s)
        #expect(back.task(id) != nil && waiting.allSatisfy { back.task($0)?.dependsOn.contains(id) == true })
    }
}

extension AccountKeyTests {
    @Test func capitalWMakesATaskWaitOnAnotherByNameAndAgainUndoesIt() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        let id = try #require(s.selectedTask?.id)
        s.press(.char("W"))
        s.type("Draft succ")
        s.press(.tab)
        #expect(s.state.prompt?.text == "Draft success plan")
        s.press(.enter)
        let draft = try #require(try stored(store, s).tasks.first { $0.title == "Draft success plan" })
        #expect(try stored(store, s).task(id)?.dependsOn.contains(draft.id) == true)
        #expect(
            s.state.status?.text == "\(s.account.name) · saved: 'Send welcome pack' now waits on 'Draft success plan'")
        s.select("Send welcome pack")
        s.press(.char("W"))
        s.type("Draft success plan")
        s.press(.enter)
        #expect(try stored(store, s).task(id)?.dependsOn.contains(draft.id) == false)
        s.press(.char("W"))
        s.type("nothing like it")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "no task is called 'nothing like it'")
    }

    @Test func capitalCLinksTheTaskToACheckpoint() throws {
        let (_, store, s) = try opened()
        s.select("Send welcome pack")
        let id = try #require(s.selectedTask?.id)
        s.press(.char("C"), .ctrl("u"))
        s.type("Kickoff")
        s.press(.tab, .enter)
        let a = try stored(store, s)
        #expect(a.checkpoint(a.task(id)?.checkpointID)?.name == "Kickoff held")
    }
}

extension AccountKeyTests {
    /// The handoff record is edited field by field, saved as one change; leaving Handoff
    /// needs it complete.
    @Test func capitalOEditsTheHandoffRecordAndACompleteRecordOpensTheGate() throws {
        let (_, store, s) = try opened()
        #expect(
            try stored(store, s).unmetGates().first
                == "handoff record lacks technical requirements, promises made by Sales")
        s.press(.char("O"))
        #expect(s.state.prompt?.text == "one view of every shipment")  // the goals as they are
        s.press(.enter)
        s.type("SSO with Okta; EU data residency")
        s.press(.enter)
        #expect(s.state.prompt?.text == "champion: Mia Vogel")
        // Selected as it opens: End, then what is typed adds to it.
        s.press(.end)
        s.type("; exec sponsor: Raj Patel")
        s.press(.enter)
        s.type("none")
        s.press(.enter)
        let a = try stored(store, s)
        #expect(a.handoff.requirements == "SSO with Okta; EU data residency" && a.handoff.promises == "none")
        #expect(a.handoff.stakeholders.map(\.role) == ["champion", "exec_sponsor"])
        #expect(a.handoff.missing.isEmpty && !a.unmetGates().contains { $0.hasPrefix("handoff record") })
        #expect(
            s.state.status?.text
                == "\(s.account.name) · saved: handoff record edited (requirements, stakeholders, promises)")
        #expect(try store.events().count == 1)
        s.press(.char("u"))
        #expect(try stored(store, s).handoff.promises.isEmpty)
    }

    /// In Handoff the account screen says what the record lacks until it is complete.
    @Test func anIncompleteHandoffRecordIsNamedOnTheAccountScreenUntilComplete() throws {
        let (_, _, s) = try opened()
        let renderer = Renderer(glyphs: Glyphs(unicode: true))
        let warning = " handoff record lacks technical requirements, promises made by Sales (O edits)"
        #expect(renderer.render(s.state).lines[3].hasPrefix(warning + " │ goals: one view of every shipment"))
        s.press(.char("O"), .enter)
        s.type("SSO with Okta")
        s.press(.enter, .enter)
        s.type("none")
        s.press(.enter)
        let line = renderer.render(s.state).lines[3]
        #expect(!line.contains("lacks") && line.hasPrefix(" goals: one view of every shipment"))
    }

    @Test func stakeholdersThatAreNotRoleAndNameKeepTheQuestionOpen() throws {
        let (_, _, s) = try opened()
        s.press(.char("O"), .enter, .enter, .ctrl("u"))
        s.type("just Mia")
        s.press(.enter)
        #expect(s.state.prompt?.problem == "write stakeholders as role: name <mail or phone>; role: name")
    }
}
