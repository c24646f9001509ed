import Testing

@testable import GoliveDomain

/// PRODUCT.md "whose court": a customer task that waits on unfinished work of ours is not
/// waiting on the customer, and the reasons say so alike wherever they are read (the
/// checkpoint's colour and the stall the why box lists under it).
struct WhoseWaitWordsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var before: OnboardingTask?
        /// The checkpoint's reason about the customer task's wait.
        var waiting: String
        /// The stall's reason about the same task.
        var stalled: String
        var court: Court
        var testDescription: String { name }
    }

    /// Waiting since 2026-01-03, due 2026-01-15; read on 2026-01-23: waited 20 days, 8 overdue.
    static let sso = task(
        1, "SSO metadata", lane: .customer, owner: "Acme IT", due: day("2026-01-15"), status: .waiting,
        since: day("2026-01-03"), dependsOn: [2])

    static let cases: [Case] = [
        Case(
            name: "nothing before it: the customer's wait", before: nil,
            waiting: "Integration live: customer task 'SSO metadata' waiting 20 days on Acme IT",
            stalled: "customer task 'SSO metadata' overdue 8 days (Acme IT)", court: .customer),
        Case(
            name: "our work before it still open: our wait",
            before: task(2, "Send welcome pack", due: day("2026-01-05")),
            waiting:
                "Integration live: customer task 'SSO metadata' waiting 20 days on our 'Send welcome pack', not on Acme IT",
            stalled: "customer task 'SSO metadata' overdue 8 days (Acme IT), waiting on our 'Send welcome pack'",
            court: .ours),
        Case(
            name: "our work before it done: the customer's wait again",
            before: task(2, "Send welcome pack", due: day("2026-01-05"), status: .done, since: day("2026-01-04")),
            waiting: "Integration live: customer task 'SSO metadata' waiting 20 days on Acme IT",
            stalled: "customer task 'SSO metadata' overdue 8 days (Acme IT)", court: .customer),
        Case(
            name: "another customer task before it: still the customer's wait",
            before: task(2, "Name an admin", lane: .customer, owner: "Acme IT", due: day("2026-01-20")),
            waiting: "Integration live: customer task 'SSO metadata' waiting 20 days on Acme IT",
            stalled: "customer task 'SSO metadata' overdue 8 days (Acme IT)", court: .customer),
    ]

    @Test(arguments: cases)
    func aCustomerTaskWaitingOnOurWorkIsNotTheCustomersWait(_ c: Case) throws {
        var sso = WhoseWaitWordsTests.sso
        if c.before == nil { sso.dependsOn = [] }
        let a = makeAccount(tasks: [sso] + (c.before.map { [$0] } ?? []), due: day("2026-01-30"))
        let today = day("2026-01-23")
        let reasons = a.status(of: a.checkpoints[0], asOf: today).reasons.map(\.text)
        #expect(reasons.filter { $0.contains("waiting") } == [c.waiting])
        let stall = try #require(a.stall(asOf: today))
        let about = stall.reasons.filter { $0.text.hasPrefix("customer task") }
        #expect(about.map(\.text) == [c.stalled])
        #expect(about.map(\.court) == [c.court])
    }
}
