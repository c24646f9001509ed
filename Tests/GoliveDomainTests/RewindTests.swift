import Foundation
import Testing

@testable import GoliveDomain

/// A change's prior puts the account back exactly as the change found it: the ground
/// the portfolio "as it was on a day" stands on.
struct RewindTests {
    struct Step: CustomTestStringConvertible, Sendable {
        var name: String
        var change: Change
        var testDescription: String { name }
    }

    static let account: Account = {
        var a = makeAccount(
            tasks: [
                task(1, "Configure SSO"),
                task(
                    2, "Share sample data", lane: .customer, owner: "Acme IT", status: .waiting,
                    since: day("2026-01-05")),
                task(3, "Sign-off", lane: .approval, owner: "Acme CFO", checkpoint: 10),
            ])
        a.touchpoints = [
            Touchpoint(id: 20, on: day("2026-01-08"), audience: "champion", channel: "call", objective: "check-in")
        ]
        return a
    }()

    static let steps: [Step] = [
        Step(name: "a task's status", change: .setTaskStatus(task: 1, to: .blocked, reason: "no certificate")),
        Step(name: "a task finished", change: .setTaskStatus(task: 1, to: .done, reason: nil)),
        Step(
            name: "a task added",
            change: .addTask(lane: .internal, title: "Extra", owner: "Ana", due: day("2026-01-18"), checkpoint: 10)),
        Step(name: "a due date", change: .setTaskDue(task: 2, due: day("2026-01-25"))),
        Step(name: "a task deleted", change: .deleteTask(task: 1, reason: "not needed")),
        Step(
            name: "a checkpoint moved",
            change: .moveCheckpoint(checkpoint: 10, to: day("2026-01-30"), reason: "customer asked")),
        Step(name: "the go-live moved", change: .moveGoLive(to: day("2026-02-20"), reason: "holidays")),
        Step(name: "an escalation", change: .escalate(reason: "silent customer", to: "VP CS")),
        Step(name: "a hold", change: .hold(reason: "budget freeze", until: day("2026-02-01"))),
        Step(name: "a note", change: .addNote(text: "called the champion", task: nil)),
        Step(
            name: "a touchpoint held", change: .markTouchpoint(touchpoint: 20, state: .held, outcome: "agreed the plan")
        ),
        Step(
            name: "a touchpoint added",
            change: .addTouchpoint(on: day("2026-01-20"), audience: "sponsor", channel: "meeting", objective: "review")),
        Step(name: "the CSM", change: .reassignCSM(to: "Ben")),
        Step(name: "the stage, by override", change: .advanceStage(overrideReason: "agreed with the lead")),
    ]

    @Test(arguments: steps)
    func rewindingAChangeGivesTheAccountAsItFoundIt(_ step: Step) throws {
        let ctx = ChangeContext(who: "Ana", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 100)
        let before = RewindTests.account
        let (after, _) = try before.applying(step.change, ctx)
        let prior = Prior(from: before, to: after)
        var back = try #require(try after.rewound(by: prior))
        back.version = before.version
        #expect(back == before)
        #expect(!prior.isEmpty)
    }

    @Test func aPriorKeepsOnlyWhatTheChangeReplaced() throws {
        let ctx = ChangeContext(who: "Ana", now: "2026-01-12T10:00:00Z", today: day("2026-01-12"), nextID: 100)
        let before = RewindTests.account
        let (after, _) = try before.applying(.setTaskStatus(task: 1, to: .inProgress, reason: nil), ctx)
        let prior = Prior(from: before, to: after)
        #expect(prior.tasks == [before.tasks[0]])
        #expect(prior.fields.isEmpty)
        #expect(prior.lastActivity == day("2026-01-10"))
        #expect(prior.checkpoints.isEmpty && prior.addedTasks.isEmpty)
    }

    @Test func aChainRewoundNewestFirstGivesEveryEarlierState() throws {
        var states = [RewindTests.account]
        var priors: [Prior] = []
        var next: Int64 = 100
        for (i, step) in RewindTests.steps.enumerated() {
            let ctx = ChangeContext(
                who: "Ana", now: "2026-01-\(10 + i)T10:00:00Z", today: day("2026-01-\(10 + i)"), nextID: next)
            guard let (after, _) = try? states.last!.applying(step.change, ctx) else { continue }
            next += 1
            priors.append(Prior(from: states.last!, to: after))
            states.append(after)
        }
        #expect(priors.count >= 10)
        var a: Account? = states.last
        for k in priors.indices.reversed() {
            a = try a?.rewound(by: priors[k])
            var expected = states[k]
            expected.version = a?.version ?? 0
            #expect(a == expected, "after rewinding step \(k + 1)")
            // All of them at once (the fields put back in one pass) gives the same.
            #expect(try states.last!.rewound(through: Array(priors[k...].reversed())) == a, "through step \(k + 1)")
        }
    }

    @Test func rewindingTheCreationLeavesNoAccount() throws {
        #expect(try RewindTests.account.rewound(by: Prior(created: true)) == nil)
    }

    @Test func touchpointsMarkedAfterTheDayWerePlannedOnIt() {
        var a = RewindTests.account
        a.touchpoints[0].state = .held
        a.touchpoints[0].outcome = "fine"
        a.touchpoints[0].markedOn = day("2026-01-09")
        #expect(a.touchpointsUnmarked(after: day("2026-01-09")).touchpoints[0].state == .held)
        let then = a.touchpointsUnmarked(after: day("2026-01-08")).touchpoints[0]
        #expect(then.state == nil && then.outcome == nil && then.markedOn == nil)
    }
}

extension RewindTests {
    @Test func rowsRewoundThroughManyPriorsAtOnceAreThoseRewoundOneAtATime() {
        var random = TestRandom(seed: 3)
        func next(_ n: UInt64) -> Int { random.next(n) }
        let d = day("2026-01-01")
        func task(_ id: Int64, _ title: String) -> OnboardingTask {
            OnboardingTask(id: id, title: title, lane: .internal, owner: "Ana", due: d, statusSince: d)
        }
        for round in 0..<300 {
            // Rows in any order; priors that put back, remove what they added, or both, on
            // ids that overlap from one prior to the next.
            let rows = (0..<next(8)).map { task(Int64(next(12)), "now \($0)") }
            let priors = (0..<next(6)).map { k -> (was: [OnboardingTask], added: [Int64]) in
                (
                    (0..<next(3)).map { task(Int64(next(12)), "round \(round) prior \(k) \($0)") },
                    (0..<next(3)).map { _ in Int64(next(12)) }
                )
            }
            let uniqueRows = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted {
                $0.id < $1.id
            }
            let uniquePriors = priors.map { p in
                (
                    Dictionary(p.was.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted {
                        $0.id < $1.id
                    },
                    Array(Set(p.added).subtracting(p.was.map(\.id))).sorted()
                )
            }
            let oneAtATime = uniquePriors.reduce(uniqueRows) { Account.rewound($0, $1.0, removing: $1.1) }
            let atOnce = Account.rewound(uniqueRows, through: uniquePriors.map { (was: $0.0, added: $0.1) })
            #expect(atOnce == oneAtATime, "round \(round)")
        }
    }
}
