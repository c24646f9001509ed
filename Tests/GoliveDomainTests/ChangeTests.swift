import Testing

@testable import GoliveDomain

/// The update function: each change's effect and event, and each refusal's words.
struct ChangeTests {
    let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)

    func apply(_ a: Account, _ c: Change) throws -> (Account, Event) {
        do { return try a.applying(c, ctx) } catch { throw error }
    }

    func refusal(_ a: Account, _ c: Change) -> String? {
        do {
            _ = try a.applying(c, ctx)
            return nil
        } catch { return error.message }
    }

    @Test func completingATaskRecordsStatusDayAndEvent() throws {
        let (a, e) = try apply(makeAccount(tasks: [task(1, "Build")]), .setTaskStatus(task: 1, to: .done, reason: nil))
        #expect(
            a.tasks[0].status == .done && a.tasks[0].finishedOn == day("2026-01-12")
                && a.tasks[0].statusSince == day("2026-01-12"))
        #expect(a.tasks[0].version == 2 && a.version == 2 && a.lastActivity == day("2026-01-12"))
        #expect(
            e
                == Event(
                    at: "2026-01-12T10:00:00Z", who: "lee", accountID: 1, taskID: 1, kind: "task.status",
                    before: "open", after: "done"))
    }

    @Test func reopeningAFinishedTaskClearsItsFinishDay() throws {
        let (a, _) = try apply(
            makeAccount(tasks: [task(1, "Build", status: .done)]), .setTaskStatus(task: 1, to: .open, reason: nil))
        #expect(a.tasks[0].finishedOn == nil && a.tasks[0].status == .open)
    }

    @Test func aTaskCannotBeDoneBeforeTheTasksItDependsOn() {
        let a = makeAccount(tasks: [task(1, "Tenant"), task(2, "Configure", dependsOn: [1])])
        #expect(
            refusal(a, .setTaskStatus(task: 2, to: .done, reason: nil))
                == "'Configure' cannot be done before 'Tenant' (open)")
    }

    @Test func aTaskCanBeDoneOnceItsDependenciesAreFinished() throws {
        let a = makeAccount(tasks: [
            task(1, "Tenant", status: .skipped, reason: "n/a"), task(2, "Configure", dependsOn: [1]),
        ])
        #expect(try apply(a, .setTaskStatus(task: 2, to: .done, reason: nil)).0.tasks[1].status == .done)
    }

    struct StatusRefusal: Sendable, CustomTestStringConvertible {
        var lane: Lane
        var from: TaskStatus
        var to: TaskStatus
        var reason: String?
        var message: String
        var testDescription: String { message }
    }
    static let statusRefusals: [StatusRefusal] = [
        .init(lane: .internal, from: .open, to: .blocked, reason: nil, message: "blocked needs a reason"),
        .init(lane: .internal, from: .open, to: .blocked, reason: "  ", message: "the reason cannot be empty"),
        .init(lane: .internal, from: .open, to: .skipped, reason: nil, message: "skipped needs a reason"),
        .init(lane: .approval, from: .pending, to: .rejected, reason: nil, message: "rejected needs a reason"),
        .init(lane: .internal, from: .open, to: .approved, reason: nil, message: "a internal task cannot be approved"),
        .init(lane: .approval, from: .pending, to: .done, reason: nil, message: "a approval task cannot be done"),
        .init(lane: .customer, from: .waiting, to: .waiting, reason: nil, message: "'T' is already waiting"),
    ]

    @Test(arguments: statusRefusals)
    func statusChangesThatAreRefused(_ r: StatusRefusal) {
        let a = makeAccount(tasks: [task(1, "T", lane: r.lane, status: r.from)])
        #expect(refusal(a, .setTaskStatus(task: 1, to: r.to, reason: r.reason)) == r.message)
    }

    @Test func blockingKeepsTheReasonOnTheTaskAndTheEvent() throws {
        let (a, e) = try apply(
            makeAccount(tasks: [task(1, "Build")]), .setTaskStatus(task: 1, to: .blocked, reason: " firewall "))
        #expect(a.tasks[0].reason == "firewall" && e.detail == "firewall")
    }

    @Test func approvingAndRejectingInTheApprovalLane() throws {
        let a = makeAccount(tasks: [task(1, "Sign-off", lane: .approval)])
        #expect(try apply(a, .setTaskStatus(task: 1, to: .approved, reason: nil)).0.tasks[0].status.isFinished)
        let (r, e) = try apply(a, .setTaskStatus(task: 1, to: .rejected, reason: "scope"))
        #expect(r.tasks[0].status == .rejected && e.before == "pending" && e.after == "rejected")
    }

    @Test func addingATaskTakesTheNextIdAndStartsOpen() throws {
        let (a, e) = try apply(
            makeAccount(),
            .addTask(lane: .customer, title: "Share logo", owner: "Acme", due: day("2026-01-20"), checkpoint: 10))
        #expect(
            a.tasks.count == 1 && a.tasks[0].id == 500 && a.tasks[0].status == .open && a.tasks[0].lane == .customer)
        #expect(e.kind == "task.added" && e.taskID == 500 && e.after == "Share logo")
        #expect(
            try apply(
                makeAccount(),
                .addTask(lane: .approval, title: "OK", owner: "CFO", due: day("2026-01-20"), checkpoint: nil)
            ).0.tasks[0].status == .pending)
    }

    @Test func addingATaskNeedsATitleAnOwnerAndAKnownCheckpoint() {
        #expect(
            refusal(makeAccount(), .addTask(lane: .internal, title: "", owner: "A", due: signed, checkpoint: nil))
                == "the title cannot be empty")
        #expect(
            refusal(makeAccount(), .addTask(lane: .internal, title: "T", owner: " ", due: signed, checkpoint: nil))
                == "the owner cannot be empty")
        #expect(
            refusal(makeAccount(), .addTask(lane: .internal, title: "T", owner: "A", due: signed, checkpoint: 77))
                == "no checkpoint 77 on Acme")
    }

    @Test func editingTitleDueAndOwnerRecordsBeforeAndAfter() throws {
        let a = makeAccount(tasks: [task(1, "Build")])
        let (t, te) = try apply(a, .editTaskTitle(task: 1, title: "Build v2"))
        #expect(
            t.tasks[0].title == "Build v2" && te.before == "Build" && te.after == "Build v2" && te.kind == "task.title")
        let (d, de) = try apply(a, .setTaskDue(task: 1, due: day("2026-01-16")))
        #expect(d.tasks[0].due == day("2026-01-16") && de.before == "2026-01-15" && de.after == "2026-01-16")
        let (o, oe) = try apply(a, .reassignTask(task: 1, owner: "Bo"))
        #expect(o.tasks[0].owner == "Bo" && oe.before == "Ana" && oe.after == "Bo" && oe.kind == "task.owner")
        #expect(refusal(a, .setTaskDue(task: 1, due: day("2026-01-15"))) == "the due date is unchanged")
        #expect(refusal(a, .reassignTask(task: 1, owner: "Ana")) == "'Build' is already owned by Ana")
        #expect(refusal(a, .editTaskTitle(task: 9, title: "x")) == "no task 9 on Acme")
    }

    @Test func aNoteIsAnEventOnly() throws {
        let (a, e) = try apply(makeAccount(), .addNote(text: "called Mia", task: nil))
        #expect(a.tasks == makeAccount().tasks && e.kind == "note" && e.detail == "called Mia")
        #expect(refusal(makeAccount(), .addNote(text: "", task: nil)) == "the note cannot be empty")
    }

    @Test func aCheckpointIsAchievedOnlyWhenItsWorkIsFinished() throws {
        let open = makeAccount(tasks: [task(1, "Build"), task(2, "Test", status: .done)])
        #expect(
            refusal(open, .achieveCheckpoint(checkpoint: 10, confirmedBy: nil))
                == "Integration live is not met: 1 open task ('Build')")
        let (a, e) = try apply(
            makeAccount(tasks: [task(2, "Test", status: .done)]), .achieveCheckpoint(checkpoint: 10, confirmedBy: nil))
        #expect(a.checkpoints[0].achievedOn == day("2026-01-12") && e.kind == "checkpoint.achieved")
        #expect(
            refusal(a, .achieveCheckpoint(checkpoint: 10, confirmedBy: nil)) == "Integration live is already achieved")
    }

    @Test func aCheckpointNeedingTheCustomerCountsOnlyWithTheirConfirmation() throws {
        let a = makeAccount(customerConfirms: true)
        #expect(
            refusal(a, .achieveCheckpoint(checkpoint: 10, confirmedBy: nil))
                == "Integration live needs the customer's confirmation")
        let (done, e) = try apply(a, .achieveCheckpoint(checkpoint: 10, confirmedBy: "Mia (Acme)"))
        #expect(done.checkpoints[0].confirmedBy == "Mia (Acme)" && e.detail == "confirmed by Mia (Acme)")
    }

    @Test func leavingAStageIsGatedByItsApprovalsAndExitCheckpoint() {
        let a = makeAccount(tasks: [task(1, "Security review", lane: .approval)])
        #expect(
            refusal(a, .advanceStage(overrideReason: nil))
                == "cannot leave Setup: approval 'Security review' pending; checkpoint 'Integration live' not achieved")
    }

    @Test func aStageWithItsGatesMetAdvances() throws {
        let a = makeAccount(
            tasks: [task(1, "Security review", lane: .approval, status: .approved)], achievedOn: day("2026-01-10"))
        let (n, e) = try apply(a, .advanceStage(overrideReason: nil))
        #expect(
            n.stage.key == "live" && n.stages[0].leftOn == day("2026-01-12")
                && n.stages[1].enteredOn == day("2026-01-12"))
        #expect(e.kind == "stage.advanced" && e.before == "setup" && e.after == "live" && e.detail == nil)
    }

    @Test func anOverrideNeedsAReasonAndIsRecorded() throws {
        let (n, e) = try apply(makeAccount(), .advanceStage(overrideReason: "customer asked to start training early"))
        #expect(n.stages[0].overrideReason == "customer asked to start training early")
        #expect(e.detail == "override: customer asked to start training early")
        #expect(refusal(makeAccount(), .advanceStage(overrideReason: "")) == "the override reason cannot be empty")
    }

    @Test func leavingTheLastStageCompletesTheOnboarding() throws {
        var a = makeAccount(achievedOn: day("2026-01-10"))
        a.stageIndex = 1
        let (n, e) = try apply(a, .advanceStage(overrideReason: nil))
        #expect(n.completedOn == day("2026-01-12") && e.after == "completed")
        #expect(refusal(n, .advanceStage(overrideReason: nil)) == "Acme has completed onboarding")
    }

    @Test func escalatingAndClearing() throws {
        let (esc, e) = try apply(makeAccount(), .escalate(reason: "sponsor unhappy"))
        #expect(
            esc.escalation == Escalation(reason: "sponsor unhappy", by: "lee", on: day("2026-01-12"))
                && e.kind == "account.escalated")
        let (clear, ce) = try apply(esc, .clearEscalation())
        #expect(clear.escalation == nil && ce.before == "sponsor unhappy")
        #expect(refusal(makeAccount(), .clearEscalation()) == "Acme is not escalated")
        #expect(refusal(makeAccount(), .escalate(reason: "")) == "the reason cannot be empty")
    }

    @Test func reassigningTheCSM() throws {
        let (a, e) = try apply(makeAccount(), .reassignCSM(to: "Bo"))
        #expect(a.csm == "Bo" && e.before == "Ana" && e.after == "Bo")
        #expect(refusal(makeAccount(), .reassignCSM(to: "Ana")) == "Acme is already with Ana")
    }

    @Test func aReviewIsRecordedButDoesNotCountAsActivity() throws {
        let (a, e) = try apply(makeAccount(lastActivity: day("2026-01-01")), .markReviewed)
        #expect(e.kind == "account.reviewed" && a.lastActivity == day("2026-01-01"))
    }
}

extension ChangeTests {
    /// The demo once had an account in Intake with its go-live achieved.
    @Test func aCheckpointOfAStageNotReachedNeedsAnOverrideReason() throws {
        var a = makeAccount()
        a.checkpoints[0] = Checkpoint(id: 10, key: "live", name: "Go-live", stage: "live", due: day("2026-01-20"))
        let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)
        #expect(throws: Refusal("Go-live belongs to Live, which Acme has not reached")) {
            try a.applying(.achieveCheckpoint(checkpoint: 10, confirmedBy: nil), ctx)
        }
        let (b, e) = try a.applying(
            .achieveCheckpoint(checkpoint: 10, confirmedBy: nil, overrideReason: "live early"), ctx)
        #expect(b.checkpoints[0].achievedOn == day("2026-01-12") && e.detail == "before its stage: live early")
    }
}
