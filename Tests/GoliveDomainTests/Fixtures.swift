import GoliveDomain
import Testing

/// A small account built by hand, so every expectation in these tests can be computed
/// on paper: contract signed 2026-01-01, one stage "setup" (SLA 10) then "live" (SLA 5),
/// one checkpoint "Integration live" due 2026-01-20, and the tasks each test adds.
func day(_ s: String) -> Day { Day(iso: s)! }

let signed = day("2026-01-01")

func makeAccount(
    tasks: [OnboardingTask] = [], due: Day = day("2026-01-20"), achievedOn: Day? = nil,
    customerConfirms: Bool = false, lastActivity: Day = day("2026-01-10"),
    stageEntered: Day = signed, escalation: Escalation? = nil
) -> Account {
    Account(
        id: 1, name: "Acme", segment: .enterprise, arr: 100_000, csm: "Ana", salesOwner: "Sam",
        contractSigned: signed, targetGoLive: day("2026-02-01"), playbook: "test",
        escalation: escalation, lastActivity: lastActivity,
        stages: [
            Stage(key: "setup", name: "Setup", slaDays: 10, enteredOn: stageEntered),
            Stage(key: "live", name: "Live", slaDays: 5),
        ],
        checkpoints: [
            Checkpoint(
                id: 10, key: "integration", name: "Integration live", stage: "setup", due: due,
                customerConfirms: customerConfirms, achievedOn: achievedOn)
        ],
        tasks: tasks)
}

func task(
    _ id: Int64, _ title: String, lane: Lane = .internal, owner: String = "Ana", due: Day = day("2026-01-15"),
    status: TaskStatus? = nil, reason: String? = nil, since: Day = signed, checkpoint: Int64? = 10,
    dependsOn: [Int64] = []
) -> OnboardingTask {
    OnboardingTask(
        id: id, title: title, lane: lane, owner: owner, due: due, status: status, reason: reason,
        statusSince: since, finishedOn: status?.isFinished == true ? since : nil,
        checkpointID: checkpoint, dependsOn: dependsOn)
}

/// A change the update function must refuse, and the words it must say.
struct RefusedChange: CustomTestStringConvertible, Sendable {
    var name: String
    var account: Account
    var change: Change
    var message: String
    var testDescription: String { name }
}

/// An account, a day, and the colour and reasons the rules must give it then.
struct StatusCase: CustomTestStringConvertible, Sendable {
    var name: String
    var account: Account
    var today: String
    var rag: RAG
    var reasons: [String]
    var testDescription: String { name }

    /// The rules on the whole account give that colour and those reasons, and the kept
    /// facts the same colour and checkpoint strip.
    func check(sourceLocation: SourceLocation = #_sourceLocation) {
        let on = day(today)
        let st = account.status(asOf: on)
        #expect(st.rag == rag, sourceLocation: sourceLocation)
        #expect(st.reasons.map(\.text) == reasons, sourceLocation: sourceLocation)
        let f = account.facts
        #expect(f.rag(strip: f.strip(asOf: on), asOf: on) == rag, sourceLocation: sourceLocation)
        #expect(f.strip(asOf: on) == st.checkpoints.map(\.state), sourceLocation: sourceLocation)
    }
}
