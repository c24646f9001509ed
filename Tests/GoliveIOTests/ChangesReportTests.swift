import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// `report changes`: per account, what is different since a day or a review.
struct ChangesReportTests {
    static let seedDay = day("2026-11-22")
    static let today = day("2026-11-23")
    let dir = TempDir()

    func seeded() throws -> Store {
        try seededStore(in: dir, accounts: 30, seed: 8, asOf: ChangesReportTests.seedDay, name: "s.db")
    }

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func aReportSaysWhatWasDoneToAnAccountSinceADay() throws {
        let store = try seeded()
        let a = try #require(
            try store.accounts().first { a in a.isActive && a.escalation == nil && a.currentHold == nil })
        let open = try #require(a.tasks.first { $0.isOpen && $0.lane == .internal && $0.dependsOn.isEmpty })
        let now = Self.at("2026-11-23T09:00:00Z")
        try store.perform(
            .setTaskStatus(task: open.id, to: .done, reason: nil), on: a.id, who: "lead", today: Self.today, now: now)
        try store.perform(.escalate(reason: "exec asked", to: "VP"), on: a.id, who: "lead", today: Self.today, now: now)
        try store.perform(
            .moveGoLive(to: a.goLive + 10, reason: "holidays"), on: a.id, who: "lead", today: Self.today, now: now)

        let reports = try Reports.read(.changes, from: store, today: Self.today, csm: nil, since: .day(Self.today))
        let row = try #require(reports.changes?.first { $0.id == a.id })
        #expect(row.tasksDone == ["'\(open.title)'"])
        #expect(row.escalations == ["escalated by lead to VP: exec asked"])
        #expect(row.slips.first == "go-live \(a.goLive.iso) → \((a.goLive + 10).iso) (+10 d)")
        #expect(row.ragNow == .red && row.events == 3)
        // An account nobody touched is listed only when time alone changed its colour.
        for other in reports.changes ?? [] where other.id != a.id {
            #expect(other.events == 0 && other.ragChanged, "\(other.name)")
        }
        for format in ReportFormat.allCases {
            let text = try reports.render(.changes, as: format)
            #expect(text.contains(a.name), "\(format)")
            #expect(text.contains("exec asked"), "\(format)")
        }
        let markdown = try reports.render(.changes, as: .markdown)
        #expect(markdown.hasPrefix("# What changed since 2026-11-23\n"))
        #expect(markdown.contains("- escalated by lead to VP: exec asked\n"))
    }

    @Test func sinceTheLastReviewStartsAtThatReview() throws {
        let store = try seeded()
        let ids = try store.accountIDs()
        #expect(try ChangesSince.lastReview(of: "lead", in: store) == nil)
        try store.perform(
            .markReviewed, on: ids[0], who: "lead", today: Self.today, now: Self.at("2026-11-23T08:00:00Z"))
        try store.perform(
            .addNote(text: "before", task: nil), on: ids[1], who: "ana", today: Self.today,
            now: Self.at("2026-11-23T07:00:00Z"))
        try store.perform(
            .escalate(reason: "after the review", to: nil), on: ids[2], who: "ana", today: Self.today,
            now: Self.at("2026-11-23T10:00:00Z"))
        let since = try #require(try ChangesSince.lastReview(of: "lead", in: store))
        #expect(since.at == "2026-11-23T08:00:00Z")
        #expect(since.label == "since your last review (2026-11-23 08:00 UTC)")
        let changes = try store.changes(since: since.at, then: since.then, today: Self.today)
        #expect(changes.contains { $0.id == ids[2] && $0.escalations.first?.hasSuffix("after the review") == true })
        // The note came before the review; time alone cannot move a colour within the day.
        #expect(!changes.contains { $0.id == ids[1] })
    }

    @Test func worseColoursComeFirst() {
        func change(_ name: String, _ before: RAG, _ now: RAG, arr: Int) -> AccountChange {
            AccountChange(
                id: 1, name: name, csm: "Ana", segment: .smb, arr: arr, isNew: false, ragBefore: before, ragNow: now,
                reasons: [], stageBefore: "Setup", stageNow: "Setup", slips: [], escalations: [], holds: [],
                tasksDone: [], approvals: [], events: 1)
        }
        let ordered = Reports.ordered([
            change("Better", .red, .green, arr: 900), change("Same", .amber, .amber, arr: 999),
            change("Amber", .green, .amber, arr: 500), change("Red small", .amber, .red, arr: 10),
            change("Red big", .green, .red, arr: 800),
        ])
        #expect(ordered.map(\.name) == ["Red big", "Red small", "Amber", "Better", "Same"])
    }
}

extension ChangesReportTests {
    /// What changed, worked out on every whole account: each one with events since `at`
    /// rewound through their priors, newest first, and one without whose colour time alone
    /// changed compared with itself.
    static func onWholeAccounts(_ store: Store, since at: String, then: Day, today: Day) throws -> [AccountChange] {
        let recent = try store.events().filter { $0.at >= at && $0.accountID != nil }
        let byAccount = Dictionary(grouping: recent, by: { $0.accountID! })
        return try store.accounts().compactMap { now -> AccountChange? in
            guard let events = byAccount[now.id] else {
                guard now.status(asOf: then).rag != now.status(asOf: today).rag else { return nil }
                return AccountChange.between(now, now, then: then, today: today, events: 0)
            }
            let priors = events.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.compactMap(\.prior)
            return AccountChange.between(
                try now.rewound(through: priors), now, then: then, today: today, events: events.count)
        }
    }

    @Test func whatChangedReadFromRuleViewsIsWhatTheWholeAccountsSay() throws {
        let store = try seededStore(in: dir, accounts: 80, seed: 21, asOf: Self.seedDay, name: "w.db")
        // The period's own changes on top of the seeder's history: work done, approvals,
        // a stage left (Handoff among them), a touchpoint marked, holds and escalations.
        let now = Self.at("2026-11-23T09:00:00Z")
        var acted = 0
        for a in try store.accounts() where a.isActive {
            let k = Int(a.id % 5)
            let change: Change?
            switch k {
            case 0:
                change = a.tasks.first { $0.isOpen && $0.dependsOn.isEmpty }.map {
                    .setTaskStatus(task: $0.id, to: .done, reason: nil)
                }
            case 1: change = .advanceStage(overrideReason: "lead decided")
            case 2:
                change = a.touchpoints.first { $0.state == nil }.map {
                    .markTouchpoint(touchpoint: $0.id, state: .held, outcome: "ok")
                }
            case 3: change = .hold(reason: "budget", until: Self.today + 20)
            default: change = .escalate(reason: "sponsor left", to: nil)
            }
            guard let change else { continue }
            if (try? store.perform(change, on: a.id, who: "lead", today: Self.today, now: now)) != nil { acted += 1 }
        }
        #expect(acted > 40)
        for daysBack in [0, 3, 7, 30, 90] {
            let since = Self.today - daysBack
            let at = "\(since.iso)T00:00:00Z"
            let fromViews = try store.changes(since: at, then: since, today: Self.today)
            let fromWhole = try Self.onWholeAccounts(store, since: at, then: since, today: Self.today)
            #expect(fromViews.count > 10, "\(daysBack) days")
            #expect(fromViews == fromWhole.sorted { $0.id < $1.id }, "\(daysBack) days back")
        }
    }

    @Test func oneCSMsChangesAreEveryAccountsNarrowedToThemInAnyCaseAfterAReassignment() throws {
        let store = try seededStore(in: dir, accounts: 60, seed: 5, csms: 6, asOf: Self.seedDay, name: "c.db")
        let now = Self.at("2026-11-23T09:00:00Z")
        let accounts = try store.accounts()
        let csms = Array(Set(accounts.map(\.csm))).sorted()
        #expect(csms.count == 6)
        // In the period, one account goes to another CSM and others change.
        let moved = try #require(accounts.first { $0.isActive && $0.csm == csms[0] })
        try store.perform(.reassignCSM(to: csms[1]), on: moved.id, who: "lead", today: Self.today, now: now)
        for a in accounts.prefix(20) where a.isActive && a.id != moved.id {
            try store.perform(
                .escalate(reason: "sponsor left", to: nil), on: a.id, who: "lead", today: Self.today, now: now)
        }
        let since = Self.today - 7
        let at = "\(since.iso)T00:00:00Z"
        let every = try store.changes(since: at, then: since, today: Self.today)
        #expect(every.contains { $0.id == moved.id && $0.csm == csms[1] })
        for name in csms + [csms[0].uppercased(), csms[1].lowercased(), "nobody at all"] {
            let theirs = try store.changes(since: at, then: since, today: Self.today, csm: name)
            let expected = every.filter { $0.csm.caseInsensitiveCompare(name) == .orderedSame }
            #expect(theirs == expected, "\(name)")
        }
        // Narrowed to some accounts too, as the screen reads again after a change.
        let some = Array(every.map(\.id).prefix(5)) + [moved.id]
        let theirs = try store.changes(since: at, then: since, today: Self.today, csm: csms[1], accounts: some)
        #expect(theirs == every.filter { some.contains($0.id) && $0.csm == csms[1] })
    }

    @Test func theFirstLinesWorkedOutAloneAreTheStartOfTheWholeList() throws {
        let store = try seededStore(in: dir, accounts: 120, seed: 13, csms: 4, asOf: Self.seedDay, name: "h.db")
        let now = Self.at("2026-11-23T09:00:00Z")
        // Some accounts turn worse in the period (escalated), others get better or change
        // without a colour change; time alone recolours others.
        for a in try store.accounts() where a.isActive {
            let change: Change? =
                switch a.id % 4 {
                case 0: .escalate(reason: "sponsor left", to: nil)
                case 1: a.escalation == nil ? nil : .clearEscalation(note: "settled")
                case 2:
                    a.tasks.first { $0.isOpen && $0.dependsOn.isEmpty }.map {
                        .setTaskStatus(task: $0.id, to: .done, reason: nil)
                    }
                default: nil
                }
            if let change { _ = try? store.perform(change, on: a.id, who: "lead", today: Self.today, now: now) }
        }
        for since in [ChangesSince.day(Self.today), .lastDays(7, today: Self.today), .lastDays(30, today: Self.today)] {
            let whole = Reports.ordered(try store.changes(since: since.at, then: since.then, today: Self.today))
            let worse = whole.filter { Reports.changeRank($0) == 0 }.count
            #expect(worse > 10 && worse < whole.count, "\(since.label)")
            for count in [1, 7, 40, worse, worse + 1, whole.count, whole.count + 5] {
                for batch in [1, 3, 64] {
                    let head = try Reports.changesHead(
                        in: store, since: since, today: Self.today, count: count, batch: batch)
                    #expect(head == Array(whole.prefix(count)), "\(since.label), \(count) lines, batch \(batch)")
                }
            }
        }
    }
}
