extension Account {
    /// The update function: the account after `change`, and the one event recording it,
    /// or a refusal that says why. Pure: the store persists the result in one transaction.
    public func applying(_ change: Change, _ ctx: ChangeContext) throws(Refusal) -> (Account, Event) {
        var next = self
        var event = Event(at: ctx.now, who: ctx.who, accountID: id, kind: "")
        // Every text a change brings passes here, under the limits restore and import keep.
        func clean(_ text: String, _ what: String, _ kind: Limits.TextKind = .name) throws(Refusal) -> String {
            try Account.cleaned(text, what, kind)
        }
        func check(_ day: Day, _ what: String) throws(Refusal) { try Account.checked(day, what) }
        func taskIndex(_ taskID: Int64) throws(Refusal) -> Int {
            guard let i = tasks.firstIndex(where: { $0.id == taskID }) else {
                throw Refusal("no task \(taskID) on \(name)")
            }
            return i
        }
        // A task's title, due date or owner: refused when unchanged; otherwise the task's
        // version moves on and the event keeps both values, which undo and redo read.
        func editTask(
            _ i: Int, _ kind: String, before: String, after: String, unchanged: String,
            _ set: (inout OnboardingTask) -> Void
        ) throws(Refusal) {
            guard before != after else { throw Refusal(unchanged) }
            set(&next.tasks[i])
            next.tasks[i].version += 1
            event.taskID = tasks[i].id
            event.kind = kind
            event.before = before
            event.after = after
        }

        // Who makes the change is kept on the event, a hold and an escalation, as restore reads them.
        if ctx.who.trimmingCharacters(in: .whitespaces).isEmpty { throw Refusal("the user's name cannot be empty") }
        if let problem = Limits.problem(with: ctx.who, as: .name) { throw Refusal("the user's name \(problem)") }

        switch change {
        case .setTaskStatus(let taskID, let status, let reason):
            let i = try taskIndex(taskID)
            let task = tasks[i]
            guard status.isAllowed(in: task.lane) else {
                throw Refusal("a \(task.lane.rawValue) task cannot be \(status.title)")
            }
            guard status != task.status else { throw Refusal("'\(task.title)' is already \(status.title)") }
            var why: String? = nil
            if status.needsReason {
                guard let r = reason else { throw Refusal("\(status.title) needs a reason") }
                why = try clean(r, "the reason", .text)
            }
            if status == .done || status == .approved {
                let waiting = task.dependsOn.compactMap { self.task($0) }.filter(\.isOpen)
                if !waiting.isEmpty {
                    let list = waiting.map { "'\($0.title)' (\($0.status.title))" }.joined(separator: ", ")
                    throw Refusal("'\(task.title)' cannot be \(status.title) before \(list)")
                }
            }
            next.tasks[i].status = status
            next.tasks[i].reason = why
            next.tasks[i].statusSince = ctx.today
            next.tasks[i].finishedOn = status.isFinished ? ctx.today : nil
            next.tasks[i].version += 1
            event.taskID = taskID
            event.kind = "task.status"
            event.before = task.status.rawValue
            event.after = status.rawValue
            event.detail = why

        case .addTask(let lane, let title, let owner, let due, let checkpointID):
            let t = try clean(title, "the title")
            let o = try clean(owner, "the owner")
            try check(due, "the due date")
            if let c = checkpointID, checkpoint(c) == nil { throw Refusal("no checkpoint \(c) on \(name)") }
            let task = OnboardingTask(
                id: ctx.nextID, title: t, lane: lane, owner: o, due: due,
                statusSince: ctx.today, checkpointID: checkpointID)
            next.tasks.append(task)
            event.taskID = task.id
            event.kind = "task.added"
            event.after = t
            event.detail = "\(lane.rawValue) · \(o) · due \(due.iso)"

        case .editTaskTitle(let taskID, let title):
            let i = try taskIndex(taskID)
            let t = try clean(title, "the title")
            try editTask(i, "task.title", before: tasks[i].title, after: t, unchanged: "the title is unchanged") {
                $0.title = t
            }

        case .setTaskDue(let taskID, let due, let shift, let reason):
            try check(due, "the due date")
            let i = try taskIndex(taskID)
            let pushed = shift ? pushedOut(byMoving: taskID, to: due) : PushedOut()
            for p in pushed.tasks { try check(p.to, "the work it pushes out") }
            try checkCarried(pushed.checkpoints)
            let why = try reason.map { r throws(Refusal) in try clean(r, "the reason", .text) }
            // A checkpoint never moves without a reason, whatever moves it.
            if why == nil, !pushed.checkpoints.isEmpty {
                let names = pushed.checkpoints.compactMap { checkpoint($0.id)?.name }.joined(separator: ", ")
                throw Refusal("moving \(names) with it needs a reason")
            }
            try editTask(
                i, "task.due", before: tasks[i].due.iso, after: due.iso, unchanged: "the due date is unchanged"
            ) { $0.due = due }
            for p in pushed.tasks {
                guard let k = next.tasks.firstIndex(where: { $0.id == p.id }) else { continue }
                next.tasks[k].due = p.to
                next.tasks[k].version += 1
            }
            next.move(pushed.checkpoints)
            event.detail = moveDetail(why, pushed)

        case .moveCheckpoint(let checkpointID, let day, let reason, let only):
            try check(day, "the new date")
            guard let ci = checkpoints.firstIndex(where: { $0.id == checkpointID }) else {
                throw Refusal("no checkpoint \(checkpointID) on \(name)")
            }
            let c = checkpoints[ci]
            if let on = c.achievedOn { throw Refusal("\(c.name) was achieved on \(on.iso): its date stays") }
            guard day != c.due else { throw Refusal("\(c.name) is already due \(day.iso)") }
            let why = try clean(reason, "the reason", .text)
            let carried = movingCheckpoint(checkpointID, to: day)
            if only, let first = carried.checkpoints.first.flatMap({ checkpoint($0.id) }) {
                throw Refusal(
                    "moving only \(c.name) to \(day.iso) would leave \(first.name) (due \(first.due.iso)) "
                        + "\(day > c.due ? "before" : "after") it: move them together")
            }
            try checkCarried(carried.checkpoints)
            next.move(checkpointAt: ci, to: day)
            next.move(carried.checkpoints)
            event.checkpointID = checkpointID
            event.kind = "checkpoint.moved"
            event.before = c.due.iso
            event.after = day.iso
            event.detail = moveDetail(why, carried)

        case .moveGoLive(let day, let reason, let only):
            try check(day, "the new go-live")
            if let ci = checkpoints.firstIndex(where: { $0.milestone == .goLive }) {
                return try applying(
                    .moveCheckpoint(checkpoint: checkpoints[ci].id, to: day, reason: reason, only: only), ctx)
            }
            guard completedOn == nil else { throw Refusal("\(name) has completed onboarding") }
            guard day != targetGoLive else { throw Refusal("the go-live is already \(day.iso)") }
            let why = try clean(reason, "the reason", .text)
            next.moveTarget(to: day)
            event.kind = "golive.moved"
            event.before = targetGoLive.iso
            event.after = day.iso
            event.detail = why

        case .reassignTask(let taskID, let owner):
            let i = try taskIndex(taskID)
            let o = try clean(owner, "the owner")
            try editTask(
                i, "task.owner", before: tasks[i].owner, after: o,
                unchanged: "'\(tasks[i].title)' is already owned by \(o)"
            ) { $0.owner = o }

        case .deleteTask(let taskID, let reason):
            let i = try taskIndex(taskID)
            let task = tasks[i]
            let why = try clean(reason, "the reason", .text)
            next.tasks.remove(at: i)
            for k in next.tasks.indices where next.tasks[k].dependsOn.contains(taskID) {
                next.tasks[k].dependsOn.removeAll { $0 == taskID }
                next.tasks[k].version += 1
            }
            event.taskID = taskID
            event.kind = "task.deleted"
            event.before = task.title
            event.detail = why

        case .setDependency(let taskID, let otherID, let waits):
            let i = try taskIndex(taskID)
            let other = tasks[try taskIndex(otherID)]
            let task = tasks[i]
            guard taskID != otherID else { throw Refusal("a task cannot wait on itself") }
            guard task.dependsOn.contains(otherID) != waits else {
                throw Refusal("'\(task.title)' \(waits ? "already waits" : "does not wait") on '\(other.title)'")
            }
            if waits {
                next.tasks[i].dependsOn.append(otherID)
                next.tasks[i].dependsOn.sort()
                if next.waits(otherID, on: taskID) {
                    throw Refusal("'\(other.title)' already waits on '\(task.title)': that would be a cycle")
                }
            } else {
                next.tasks[i].dependsOn.removeAll { $0 == otherID }
            }
            next.tasks[i].version += 1
            event.taskID = taskID
            event.kind = "task.dependency"
            event.before = waits ? nil : other.title
            event.after = waits ? other.title : nil

        case .linkTask(let taskID, let checkpointID):
            let i = try taskIndex(taskID)
            let task = tasks[i]
            let target = try checkpointID.map { id throws(Refusal) -> Checkpoint in
                guard let c = checkpoint(id) else { throw Refusal("no checkpoint \(id) on \(name)") }
                return c
            }
            guard task.checkpointID != checkpointID else {
                throw Refusal("'\(task.title)' already leads to \(target?.name ?? "no checkpoint")")
            }
            next.tasks[i].checkpointID = checkpointID
            next.tasks[i].version += 1
            event.taskID = taskID
            event.kind = "task.checkpoint"
            event.before = task.checkpointID.flatMap { checkpoint($0) }?.name
            event.after = target?.name

        case .markTouchpoint(let id, let state, let outcome):
            try markTouchpoint(id, state, outcome, ctx, &next, &event)

        case .addTouchpoint(let day, let audience, let channel, let objective):
            try addTouchpoint(day, audience, channel, objective, ctx, &next, &event)

        case .addNote(let text, let taskID):
            if let taskID { _ = try taskIndex(taskID) }
            event.taskID = taskID
            event.kind = "note"
            event.detail = try clean(text, "the note", .text)

        case .achieveCheckpoint(let checkpointID, let confirmedBy, let overrideReason):
            guard let ci = checkpoints.firstIndex(where: { $0.id == checkpointID }) else {
                throw Refusal("no checkpoint \(checkpointID) on \(name)")
            }
            let c = checkpoints[ci]
            guard !c.isAchieved else { throw Refusal("\(c.name) is already achieved") }
            // A go-live achieved while the account sits in Intake is a record nobody can trust.
            var overridden: String? = nil
            if let ahead = stageAhead(of: c) {
                guard let r = overrideReason else {
                    throw Refusal("\(c.name) belongs to \(ahead.name), which \(name) has not reached")
                }
                overridden = try clean(r, "the override reason", .text)
            }
            let open = tasks(leadingTo: c).filter(\.isOpen)
            if !open.isEmpty {
                let titles = open.prefix(3).map { "'\($0.title)'" }.joined(separator: ", ")
                let more = open.count > 3 ? ", …" : ""
                throw Refusal("\(c.name) is not met: \(plural(open.count, "open task")) (\(titles)\(more))")
            }
            var confirmer: String? = nil
            if c.customerConfirms {
                guard let who = confirmedBy else { throw Refusal("\(c.name) needs the customer's confirmation") }
                confirmer = try clean(who, "the confirming contact")
            }
            next.checkpoints[ci].achievedOn = ctx.today
            next.checkpoints[ci].confirmedBy = confirmer
            next.checkpoints[ci].version += 1
            event.checkpointID = checkpointID
            event.kind = "checkpoint.achieved"
            event.before = c.due.iso
            event.after = ctx.today.iso
            event.detail =
                [confirmer.map { "confirmed by \($0)" }, overridden.map { "before its stage: \($0)" }]
                .compactMap { $0 }.joined(separator: "; ").nilIfEmpty

        case .advanceStage(let overrideReason):
            guard isActive else { throw Refusal("\(name) has completed onboarding") }
            let unmet = unmetGates()
            var why: String? = nil
            if !unmet.isEmpty {
                guard let r = overrideReason else {
                    throw Refusal("cannot leave \(stage.name): " + unmet.joined(separator: "; "))
                }
                why = try clean(r, "the override reason", .text)
            }
            next.stages[stageIndex].leftOn = ctx.today
            next.stages[stageIndex].overrideReason = why
            event.kind = "stage.advanced"
            event.before = stage.key
            if stageIndex + 1 < stages.count {
                next.stageIndex += 1
                next.stages[next.stageIndex].enteredOn = ctx.today
                event.after = next.stage.key
            } else {
                next.completedOn = ctx.today
                event.after = "completed"
            }
            event.detail = why.map { "override: \($0)" }

        case .escalate(let reason, let to):
            let r = try clean(reason, "the reason", .text)
            let target = try to.map { t throws(Refusal) in try clean(t, "who it went to") }
            next.escalation = Escalation(reason: r, by: ctx.who, on: ctx.today, to: target)
            event.kind = "account.escalated"
            event.before = escalation?.reason
            event.after = r
            event.detail = target.map { "to \($0)" }

        case .clearEscalation(let note):
            guard let e = escalation else { throw Refusal("\(name) is not escalated") }
            next.escalation = nil
            event.kind = "account.deescalated"
            event.before = e.reason
            event.detail = try note.map { n throws(Refusal) in try clean(n, "the resolution", .text) }

        case .hold(let reason, let until):
            guard isActive else { throw Refusal("\(name) has completed onboarding") }
            if let h = currentHold { throw Refusal("\(name) is already on hold since \(h.from.iso)") }
            let r = try clean(reason, "the reason", .text)
            try check(until, "the expected resume date")
            guard until > ctx.today else {
                throw Refusal("the expected resume date must be after today (\(ctx.today.iso))")
            }
            next.holds.append(Hold(reason: r, by: ctx.who, from: ctx.today, expectedResume: until))
            event.kind = "account.held"
            event.after = until.iso
            event.detail = r

        case .resume(let note, let shiftPlan):
            guard let h = currentHold else { throw Refusal("\(name) is not on hold") }
            let n = try note.map { t throws(Refusal) in try clean(t, "the note", .text) }
            next.holds[holds.count - 1].resumedOn = ctx.today
            next.holds[holds.count - 1].resumeNote = n
            event.kind = "account.resumed"
            event.before = h.from.iso
            event.after = ctx.today.iso
            event.detail = n
            if shiftPlan {
                guard ctx.today > h.from else {
                    throw Refusal("\(name) resumes on the day its hold began: no days held to move the plan by")
                }
                guard let shift = holdShift(resumingOn: ctx.today) else {
                    throw Refusal(
                        "nothing open on \(name) is due from the hold's first day (\(h.from.iso)) on: what was "
                            + "overdue then keeps its date, its overdue days skipping the hold")
                }
                next.shiftOpenPlan(from: h.from, by: shift.days)
                for d in next.tasks.map(\.due) + next.checkpoints.map(\.due) + [next.targetGoLive] {
                    try check(d, "the moved plan")
                }
                event.detail = ([n].compactMap { $0 } + ["open plan moved " + shift.words]).joined(separator: "; ")
            }

        case .editHandoff(let record):
            guard record != handoff else { throw Refusal("the handoff record is unchanged") }
            let fields: [(String, String, String)] = [
                ("goals", handoff.goals, record.goals), ("requirements", handoff.requirements, record.requirements),
                ("stakeholders", handoff.stakeholderText, record.stakeholderText),
                ("promises", handoff.promises, record.promises),
            ]
            for (what, value) in [
                ("goals", record.goals), ("requirements", record.requirements), ("promises", record.promises),
            ] {
                if let problem = Limits.problem(with: value, as: .text) { throw Refusal("the \(what) \(problem)") }
            }
            for s in record.stakeholders {
                for value in [s.name, s.contact ?? ""] {
                    if let problem = Limits.problem(with: value, as: .name) {
                        throw Refusal("a stakeholder's name or contact \(problem)")
                    }
                }
            }
            next.handoff = record
            event.kind = "handoff.edited"
            event.detail = fields.filter { $0.1 != $0.2 }.map(\.0).joined(separator: ", ")

        case .reassignCSM(let csm, let moveTasks):
            let c = try clean(csm, "the CSM")
            guard c != self.csm else { throw Refusal("\(name) is already with \(c)") }
            next.csm = c
            event.kind = "account.csm"
            event.before = self.csm
            event.after = c
            if moveTasks {
                let moved = openInternalTasks(of: self.csm)
                for i in moved {
                    next.tasks[i].owner = c
                    next.tasks[i].version += 1
                }
                if !moved.isEmpty { event.detail = "with \(plural(moved.count, "open internal task"))" }
            }

        case .markReviewed:
            event.kind = "account.reviewed"

        case .followUp(let step, let day):
            let said = try clean(step, "the next step", .text)
            try check(day, "the follow-up day")
            guard day >= ctx.today else { throw Refusal("the follow-up day must be today or later") }
            event.kind = "account.reviewed"
            event.after = day.iso
            event.detail = said

        case .undo(let before, let after, let undone), .redo(let before, let after, let undone):
            guard before.id == id, after.id == id, undone.accountID == id else {
                throw Refusal("that change was not on \(name)")
            }
            let isUndo = change == .undo(before: before, after: after, of: undone)
            next = try restoring(before, over: after, verb: isUndo ? "undone" : "redone")
            event.taskID = undone.taskID
            event.checkpointID = undone.checkpointID
            event.kind = isUndo ? Event.undoKind : Event.redoKind
            event.before = undone.after
            event.after = undone.before
            // What was taken back, in words, so the history reads without the undone event.
            let isStep = undone.kind == Event.undoKind || undone.kind == Event.redoKind
            event.detail = isStep ? undone.detail : undone.words(in: after)
        }
        // Restore refuses a go-live before the contract: no change may leave one.
        if next.targetGoLive < next.contractSigned && next.targetGoLive != targetGoLive {
            throw Refusal(
                "the go-live cannot be before the contract was signed (\(contractSigned.iso))")
        }
        // The one gate of the plan's order: whatever the change, it adds no break of it.
        if let broken = newOrderBreak(in: next) { throw Refusal("\(broken): a plan is never out of order") }
        // A lead's review is not progress: it must not hide a stall.
        if event.kind != "account.reviewed" { next.lastActivity = ctx.today }
        next.version += 1
        return (next, event)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
