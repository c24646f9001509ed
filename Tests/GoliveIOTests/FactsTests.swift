import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

/// The board colours accounts from their stored facts, never reading tasks: those facts
/// must give exactly what the rules give on the whole account, for any day.
struct FactsTests {
    /// Seeded portfolios of both playbooks: every task status, blocked and rejected work,
    /// waiting customers, pending approvals, completed onboardings, escalations.
    static let portfolio: [Account] = {
        let seeder = Seeder(
            accounts: 400, tasksPerAccount: nil, csms: 5, seed: 77, asOf: day("2026-11-22"), catalog: builtins)
        var next: Int64 = 1
        let asOf = day("2026-11-22")
        return (0..<seeder.accounts).map { i in
            var a = seeder.account(i, nextID: &next).0
            // Some on hold now (some of those past their expected resume), some after a hold
            // that ended: every clock of the stalled rule then skips days.
            if i % 7 == 0 {
                let from = max(a.contractSigned, asOf - 20)
                a.holds = [Hold(reason: "freeze", by: "ana", from: from, expectedResume: from + 10 + i % 20)]
            } else if i % 5 == 0 {
                let from = a.contractSigned + 3 + i % 11
                a.holds = [
                    Hold(
                        reason: "re-scope", by: "ana", from: from, expectedResume: from + 9, resumedOn: from + 4 + i % 9
                    )
                ]
            }
            // Some re-planned: go-lives moved (repeatedly, for some), tasks due after their
            // checkpoint (forecast late).
            if i % 11 == 0 {
                a.goLivePlan = Replan(baseline: a.goLive - 5 * (i % 4), moves: 1 + i % 3)
            }
            if i % 13 == 0, let k = a.tasks.indices.first(where: { a.tasks[$0].isOpen }),
                let c = a.checkpoint(a.tasks[k].checkpointID)
            {
                a.tasks[k].due = c.due + 1 + i % 9
            }
            return a
        }
    }()

    /// Days around the seeding day, crossing every threshold and boundary (due today,
    /// the amber window's edge, waits and overdues one day either side of the SLA).
    static let days: [Day] = Array(stride(from: -60, through: 90, by: 1)).map { day("2026-11-22") + $0 }

    @Test(arguments: days)
    func factsGiveTheSameStripRAGAndStallAsTheWholeAccount(_ today: Day) {
        for a in FactsTests.portfolio {
            let f = a.facts
            let st = a.status(asOf: today)
            let strip = f.strip(asOf: today)
            #expect(strip == st.checkpoints.map(\.state), "\(a.name) on \(today.iso)")
            #expect(f.rag(strip: strip, asOf: today) == st.rag, "\(a.name) on \(today.iso)")
            let stall = a.stall(asOf: today)
            #expect(
                f.stall(asOf: today) == stall.map { StallMark(ballInCourt: $0.ballInCourt, days: $0.days) },
                "\(a.name) on \(today.iso)")
            #expect(f.daysInStage(asOf: today) == a.daysInStage(asOf: today))
        }
    }

    @Test(arguments: days)
    func theRuleViewGivesTheSameReasonsStallAndNextDueAsTheWholeAccount(_ today: Day) {
        for a in FactsTests.portfolio {
            let view = a.ruleView
            #expect(view.status(asOf: today) == a.status(asOf: today), "\(a.name) on \(today.iso)")
            #expect(view.stall(asOf: today) == a.stall(asOf: today), "\(a.name) on \(today.iso)")
            #expect(view.nextDue()?.title == a.nextDue()?.title && view.nextDue()?.due == a.nextDue()?.due)
            #expect(view.daysInStage(asOf: today) == a.daysInStage(asOf: today))
        }
    }

    @Test func thePortfolioExercisesEveryRule() {
        let today = day("2026-11-22")
        let states = Set(FactsTests.portfolio.flatMap { $0.facts.strip(asOf: today) })
        #expect(states == Set(CheckpointState.allCases))
        let courts = Set(FactsTests.portfolio.compactMap { $0.stall(asOf: today)?.ballInCourt })
        #expect(courts == Set(Court.allCases))
        let kinds = Set(FactsTests.portfolio.flatMap { $0.stall(asOf: today)?.reasons.map(\.kind) ?? [] })
        #expect(kinds.count == 4)
        #expect(
            FactsTests.portfolio.contains { $0.escalation != nil } && FactsTests.portfolio.contains { !$0.isActive })
    }

    @Test(arguments: StoreKind.allCases) func metricsFromKeptFactsEqualThoseFromWholeAccountsOnAnyDay(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 60, seed: 9, on: kind)
        let escalated = try store.everEscalated()
        let resolve = try store.escalationResolveDays()
        for offset in stride(from: -40, through: 40, by: 10) {
            let today = day("2026-11-22") + offset
            let kept = try Reports.read(.metrics, from: store, today: today, csm: nil)
            let whole = Reports(
                accounts: try store.accounts(), everEscalated: escalated, resolveDays: resolve, today: today)
            for format in ReportFormat.allCases {
                #expect(try kept.render(.metrics, as: format) == whole.render(.metrics, as: format), "\(format)")
            }
        }
    }

    @Test(arguments: StoreKind.allCases) func portfolioAndStalledFromKeptRuleViewsEqualThoseFromWholeAccountsOnAnyDay(
        on kind: StoreKind
    ) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 80, seed: 12, on: kind)
        for offset in stride(from: -40, through: 60, by: 10) {
            let today = day("2026-11-22") + offset
            let whole = Reports(accounts: try store.accounts(), everEscalated: [], today: today)
            for kind in [ReportKind.portfolio, .stalled] {
                let kept = try Reports.read(kind, from: store, today: today, csm: nil)
                for format in ReportFormat.allCases {
                    #expect(try kept.render(kind, as: format) == whole.render(kind, as: format), "\(kind) \(format)")
                }
            }
        }
    }

    @Test(arguments: StoreKind.allCases) func theStoreKeepsEachAccountsFactsThroughEveryKindOfChange(on kind: StoreKind)
        throws
    {
        let dir = TempDir()
        let today = day("2026-11-22")
        let store = try seededStore(in: dir, accounts: 30, seed: 5, asOf: today, on: kind)
        func check() throws {
            let whole = try store.accounts().map(\.facts).sorted { $0.id < $1.id }
            #expect(try store.facts().sorted { $0.id < $1.id } == whole)
            // And what the metrics need of them: the metrics read nothing else.
            let metrics = try store.accounts().map(\.metricFacts).sorted { $0.id < $1.id }
            #expect(try store.metricFacts().sorted { $0.id < $1.id } == metrics)
            // And what the rules read of them: the portfolio and stalled reports read nothing else.
            #expect(try store.ruleViews() == store.accounts().map(\.ruleView))
            // And handed over in batches in the order asked, as the portfolio reads them: a
            // green account as its facts and checkpoints, the others as their rule views.
            let views = Array(try store.ruleViews().reversed())
            func backwards(_ facts: [AccountFacts]) -> [Int64] { facts.map(\.id).reversed() }
            var read: [PortfolioAccount] = []
            try store.forEachInPortfolio(asOf: today, orderedBy: backwards, batch: 7) {
                $0
            } each: {
                read += $0
            }
            #expect(read.count == views.count)
            for (account, view) in zip(read, views) {
                switch account {
                case .ruled(let a): #expect(a == view)
                case .green(let f, let checkpoints):
                    #expect(f.id == view.id)
                    #expect(checkpoints == view.checkpoints.sorted { ($0.due, $0.id) < ($1.due, $1.id) })
                }
            }
        }
        try check()
        var saved = 0
        func attempt(_ c: Change, _ id: Int64) {
            if (try? store.perform(c, on: id, who: "lee", today: today)) != nil { saved += 1 }
        }
        for a in try store.accounts().filter(\.isActive).prefix(10) {
            // Each change that moves a fact: a task blocked, a due date moved, a stage left
            // by override, an escalation, a new overdue customer task, an undo.
            if let t = a.tasks.first(where: { $0.isOpen && $0.lane != .approval }) {
                attempt(.setTaskStatus(task: t.id, to: .blocked, reason: "waiting on VPN"), a.id)
            }
            if let t = try store.account(a.id)?.tasks.first(where: { $0.isOpen && $0.status != .blocked }) {
                attempt(.setTaskDue(task: t.id, due: today + 2), a.id)
            }
            attempt(.advanceStage(overrideReason: "the lead's call"), a.id)
            attempt(.escalate(reason: "sponsor left"), a.id)
            attempt(
                .addTask(lane: .customer, title: "Sign the DPA", owner: "IT", due: today - 9, checkpoint: nil), a.id)
            let saved = try store.save(.clearEscalation(), on: a.id, who: "lee", today: today)
            attempt(.undo(before: saved.before, after: saved.after, of: saved.event), a.id)
            attempt(.redo(before: saved.after, after: saved.before, of: saved.event), a.id)
        }
        #expect(saved >= 50)
        try check()
    }
}
