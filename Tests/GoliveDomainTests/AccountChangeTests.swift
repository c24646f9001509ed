import GoliveDomain
import Testing

/// "What changed" compares the account then and now; each case is worked out on paper
/// from the fixture account (checkpoint "Integration live" due 2026-01-20, target go-live
/// 2026-02-01, stages Setup then Live).
struct AccountChangeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var before: Account
        var after: Account
        var lines: [String]
        var testDescription: String { name }
    }

    static let base = makeAccount(tasks: [
        task(1, "Configure SSO", due: day("2026-01-15")),
        task(2, "Sign-off", lane: .approval, owner: "CFO", due: day("2026-01-15")),
    ])

    static func edited(_ edit: (inout Account) -> Void) -> Account {
        var a = base
        edit(&a)
        return a
    }

    static let cases: [Case] = [
        Case(
            name: "a task done", before: base,
            after: edited {
                $0.tasks[0].status = .done
                $0.tasks[0].finishedOn = day("2026-01-09")
            },
            lines: ["1 task done: 'Configure SSO'"]),
        Case(
            name: "an approval given", before: base, after: edited { $0.tasks[1].status = .approved },
            lines: ["approved: 'Sign-off'"]),
        Case(
            name: "an approval refused, with why", before: base,
            after: edited {
                $0.tasks[1].status = .rejected
                $0.tasks[1].reason = "scope"
            },
            lines: [
                "turned red: Integration live: approval 'Sign-off' rejected by CFO (scope)",
                "rejected: 'Sign-off' (scope)",
            ]),
        Case(
            name: "the go-live moved later", before: base, after: edited { $0.targetGoLive = day("2026-02-20") },
            lines: ["go-live 2026-02-01 → 2026-02-20 (+19 d)"]),
        Case(
            name: "a checkpoint moved earlier", before: base,
            after: edited { $0.checkpoints[0].due = day("2026-01-18") },
            lines: ["'Integration live' 2026-01-20 → 2026-01-18 (-2 d)"]),
        Case(
            name: "work due later", before: base,
            after: edited {
                $0.tasks[0].due = day("2026-01-18")
                $0.tasks[1].due = day("2026-01-20")
            },
            lines: ["2 tasks due later (up to +5 d)"]),
        Case(
            name: "escalated", before: base,
            after: edited {
                $0.escalation = Escalation(reason: "silent customer", by: "Ana", on: day("2026-01-09"), to: "VP")
            },
            lines: [
                "turned red: escalated by Ana to VP on 2026-01-09: silent customer",
                "escalated by Ana to VP: silent customer",
            ]),
        Case(
            name: "an escalation resolved",
            before: edited { $0.escalation = Escalation(reason: "silent customer", by: "Ana", on: day("2026-01-02")) },
            after: base, lines: ["turned green", "escalation resolved"]),
        Case(
            name: "on hold", before: base,
            after: edited {
                $0.holds = [
                    Hold(reason: "budget freeze", by: "Ana", from: day("2026-01-08"), expectedResume: day("2026-02-01"))
                ]
            },
            lines: ["on hold: budget freeze (resume expected 2026-02-01)"]),
        Case(
            name: "the stage left", before: base,
            after: edited {
                $0.stages[0].leftOn = day("2026-01-09")
                $0.stages[1].enteredOn = day("2026-01-09")
                $0.stageIndex = 1
            },
            lines: ["stage Setup → Live"]),
    ]

    @Test(arguments: cases)
    func eachChangeIsSaidInWords(_ c: Case) throws {
        let change = try #require(
            AccountChange.between(c.before, c.after, then: day("2026-01-08"), today: day("2026-01-10"), events: 1))
        #expect(change.lines == c.lines)
    }

    @Test func nothingChangedSaysNothing() {
        #expect(
            AccountChange.between(Self.base, Self.base, then: day("2026-01-08"), today: day("2026-01-10"), events: 0)
                == nil)
    }

    @Test func timeAloneTurnsAnAccountRedWithItsReasons() throws {
        let a = makeAccount()
        // Due 2026-01-20: green on the 8th (12 days out), overdue one day on the 21st.
        let c = try #require(AccountChange.between(a, a, then: day("2026-01-08"), today: day("2026-01-21"), events: 0))
        #expect(c.ragText == "green → red")
        #expect(c.lines == ["turned red: Integration live: overdue 1 day"])
    }

    @Test func aNewAccountIsSaidToBeNew() throws {
        let c = try #require(
            AccountChange.between(nil, Self.base, then: day("2026-01-08"), today: day("2026-01-10"), events: 1))
        #expect(c.isNew && c.ragBefore == nil)
        #expect(c.lines == ["new onboarding"])
    }
}
