import GoliveDomain
import Testing

/// Every text and date a change brings meets the limits restore and import keep
/// (`Limits.problem`): a key, a change command and a prompt refuse what restore refuses,
/// so a store's own export always restores.
struct ChangeLimitsTests {
    let ctx = ChangeContext(who: "lee", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 500)

    /// An account with something for every change to act on: a blocked task, an escalation,
    /// a touchpoint, a hold to resume.
    var account: Account {
        var a = makeAccount(tasks: [task(1, "Kickoff"), task(2, "Approve", lane: .approval, checkpoint: nil)])
        a.touchpoints = [
            Touchpoint(id: 30, on: day("2026-01-11"), audience: "sponsor", channel: "call", objective: "kickoff")
        ]
        return a
    }

    /// Each change with `text` in one field, and the words a refusal names that field by.
    static func changes(_ text: String) -> [(Change, String, Limits.TextKind)] {
        [
            (
                .addTask(lane: .internal, title: text, owner: "Ana", due: day("2026-01-20"), checkpoint: nil),
                "the title", .name
            ),
            (
                .addTask(lane: .internal, title: "t", owner: text, due: day("2026-01-20"), checkpoint: nil),
                "the owner", .name
            ),
            (.editTaskTitle(task: 1, title: text), "the title", .name),
            (.reassignTask(task: 1, owner: text), "the owner", .name),
            (.setTaskStatus(task: 1, to: .blocked, reason: text), "the reason", .text),
            (.deleteTask(task: 1, reason: text), "the reason", .text),
            (.moveCheckpoint(checkpoint: 10, to: day("2026-01-25"), reason: text), "the reason", .text),
            (.moveGoLive(to: day("2026-02-10"), reason: text), "the reason", .text),
            (.addNote(text: text, task: nil), "the note", .text),
            (.markTouchpoint(touchpoint: 30, state: .held, outcome: text), "the outcome", .text),
            (
                .addTouchpoint(on: day("2026-01-20"), audience: text, channel: "call", objective: "o"), "the audience",
                .name
            ),
            (.addTouchpoint(on: day("2026-01-20"), audience: "a", channel: text, objective: "o"), "the channel", .name),
            (
                .addTouchpoint(on: day("2026-01-20"), audience: "a", channel: "call", objective: text), "the objective",
                .name
            ),
            (.escalate(reason: text, to: nil), "the reason", .text),
            (.escalate(reason: "r", to: text), "who it went to", .name),
            (.hold(reason: text, until: day("2026-02-01")), "the reason", .text),
            (.reassignCSM(to: text), "the CSM", .name),
            (.editHandoff(Handoff(goals: text)), "the goals", .text),
            (.editHandoff(Handoff(requirements: text)), "the requirements", .text),
            (.editHandoff(Handoff(promises: text)), "the promises", .text),
            (.followUp(nextStep: text, on: day("2026-01-20")), "the next step", .text),
        ]
    }

    static let controls = ["\u{1B}[2J", "ring\u{07}", "nul\u{0}", "\u{9B}31m"]

    func refusal(_ change: Change) -> String? {
        do {
            _ = try account.applying(change, ctx)
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: [Limits.TextKind.name, .text])
    func textOverItsLimitOrWithAControlCharacterIsRefusedAndAtItsLimitTaken(_ kind: Limits.TextKind) throws {
        let limit = kind == .name ? Limits.nameLength : Limits.textLength
        let fields = Self.changes("probe")
        let atLimit = Self.changes(String(repeating: "é", count: limit))
        let over = Self.changes(String(repeating: "x", count: limit + 1))
        let withControl = Self.controls.map { Self.changes("a \($0) b") }
        for (i, (_, what, k)) in fields.enumerated() where k == kind {
            #expect(refusal(fields[i].0) == nil, "\(what): an ordinary value was refused")
            #expect(refusal(atLimit[i].0) == nil, "\(what): \(limit) characters were refused")
            #expect(refusal(over[i].0)?.hasPrefix("\(what) is longer than \(limit) characters") == true, "\(what)")
            for changes in withControl {
                #expect(refusal(changes[i].0)?.hasPrefix("\(what) contains a control character") == true, "\(what)")
            }
        }
    }

    @Test(arguments: [day("1999-12-31"), day("2100-01-01")])
    func aDateOutsideTheYearsGoliveTakesIsRefusedByEveryChangeThatSetsOne(_ outside: Day) {
        let changes: [Change] = [
            .addTask(lane: .internal, title: "t", owner: "Ana", due: outside, checkpoint: nil),
            .setTaskDue(task: 1, due: outside), .setTaskDue(task: 1, due: outside, shift: true),
            .moveCheckpoint(checkpoint: 10, to: outside, reason: "r"), .moveGoLive(to: outside, reason: "r"),
            .addTouchpoint(on: outside, audience: "a", channel: "c", objective: "o"),
            .hold(reason: "r", until: outside), .followUp(nextStep: "s", on: outside),
        ]
        for c in changes where outside > ctx.today || !"\(c)".hasPrefix("hold") && !"\(c)".hasPrefix("followUp") {
            #expect(refusal(c)?.contains("is outside the dates golive takes") == true, "\(c): \(refusal(c) ?? "taken")")
        }
    }

    @Test(arguments: ["", "  ", "lee\u{1B}]52;c;x\u{07}", String(repeating: "u", count: Limits.nameLength + 1)])
    func aUserNameRestoreWouldRefuseChangesNothing(_ who: String) {
        var c = ctx
        c.who = who
        #expect(throws: Refusal.self) { _ = try account.applying(.addNote(text: "n", task: nil), c) }
    }
}
