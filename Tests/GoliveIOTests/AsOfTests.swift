import Foundation
import GRDB
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// `--as-of` a past day: the portfolio as it stood at that day's end, whatever came after.
struct AsOfTests {
    static let seedDay = day("2026-11-22")
    static let past = day("2026-11-19")
    let dir = TempDir()

    func seeded(accounts: Int = 60) throws -> Store {
        try seededStore(in: dir, accounts: accounts, seed: 8, asOf: AsOfTests.seedDay, name: "s.db")
    }

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// Every report of the day, as a lead would run them.
    func reports(_ store: Store, asOf today: Day) throws -> [String] {
        let view = try store.asOf(endOf: today) ?? store
        return try ReportKind.allCases.flatMap { kind in
            try ReportFormat.allCases.map { format in
                try Reports.read(kind, from: view, today: today, csm: nil).render(kind, as: format)
            }
        }
    }

    /// Changes made the day after `past` and later: statuses, a stage, an escalation, due
    /// dates, a note, a hold, a new task.
    func changeEverything(_ store: Store) throws {
        let accounts = try store.accounts()
        let now = AsOfTests.at("2026-11-22T15:30:00Z")
        var made = 0
        for a in accounts.prefix(12) {
            guard let t = a.tasks.first(where: { $0.isOpen && $0.lane != .approval }) else { continue }
            try store.perform(
                .setTaskStatus(task: t.id, to: .done, reason: nil), on: a.id, who: "lead", today: AsOfTests.seedDay,
                now: now)
            try store.perform(
                .setTaskDue(task: a.tasks.last!.id, due: day("2027-01-15")), on: a.id, who: "lead",
                today: AsOfTests.seedDay, now: now)
            made += 2
        }
        let a = accounts[20]
        try store.perform(
            .escalate(reason: "exec asked", to: "VP"), on: a.id, who: "lead", today: AsOfTests.seedDay, now: now)
        try store.perform(
            .addNote(text: "late call", task: nil), on: accounts[21].id, who: "lead", today: AsOfTests.seedDay, now: now
        )
        try store.perform(
            .hold(reason: "budget", until: day("2026-12-15")), on: accounts[22].id, who: "lead",
            today: AsOfTests.seedDay, now: now)
        try store.perform(
            .advanceStage(overrideReason: "agreed"), on: accounts[23].id, who: "lead", today: AsOfTests.seedDay,
            now: now)
        try store.perform(
            .addTask(lane: .customer, title: "Send the logo", owner: "IT", due: day("2026-11-30"), checkpoint: nil),
            on: accounts[24].id, who: "lead", today: AsOfTests.seedDay, now: now)
        #expect(made > 10)
    }

    @Test func aPastDaysReportsStayTheSameWhateverHappensAfterIt() throws {
        let store = try seeded()
        let before = try reports(store, asOf: AsOfTests.past)
        let liveBefore = try reports(store, asOf: AsOfTests.seedDay)
        try changeEverything(store)
        #expect(try reports(store, asOf: AsOfTests.past) == before)
        // The changes did reach the live portfolio: the past one ignored them, not the store.
        #expect(try reports(store, asOf: AsOfTests.seedDay) != liveBefore)
    }

    @Test func aPastDayCountsOnlyTheEventsUpToIt() throws {
        let store = try seeded()
        let events = try store.events()
        let later = events.filter { $0.day! > AsOfTests.past }
        #expect(!later.isEmpty)
        let view = try #require(try store.asOf(endOf: AsOfTests.past))
        #expect(try view.events().count == events.count - later.count)
        // A task finished after the day was still open on it, with its status from before.
        let finish = try #require(later.first { $0.kind == "task.status" && $0.after == "done" })
        let then = try #require(try view.accounts(ids: [finish.accountID!]).first?.task(finish.taskID!))
        #expect(then.status.rawValue == finish.before)
        #expect(then.finishedOn == nil)
        // An account created after the day was not there.
        let created = Set(later.filter { $0.kind == "account.created" }.compactMap(\.accountID))
        let ids = Set(try view.accountIDs())
        #expect(ids.isDisjoint(with: created))
        #expect(ids.count == (try store.accountIDs()).count - created.count)
    }

    @Test func theLatestDayIsTheStoreItself() throws {
        let store = try seeded(accounts: 10)
        #expect(try store.asOf(endOf: AsOfTests.seedDay) == nil)
        #expect(try store.asOf(endOf: day("2027-03-01")) == nil)
    }

    @Test func aPastDayCannotBeChangedAndSaysWhy() throws {
        let store = try seeded(accounts: 10)
        let view = try #require(try store.asOf(endOf: AsOfTests.past))
        let a = try #require(try view.accounts().first)
        let message = describe {
            try view.perform(.addNote(text: "x", task: nil), on: a.id, who: "ana", today: AsOfTests.past)
        }
        #expect(message?.contains("showing 2026-11-19 as it was: a past day cannot be changed") == true)
    }

    @Test func theCopyIsGoneWhenTheViewIs() throws {
        let store = try seeded(accounts: 10)
        var view = try store.asOf(endOf: AsOfTests.past)
        let path = try #require(view?.path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        view = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func changesThatKeptNoPriorLimitHowFarBackItGoes() throws {
        let store = try seeded(accounts: 10)
        let event = try #require(try store.events().last { $0.day == day("2026-11-21") })
        // As a store from before priors were kept has it.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE events SET prior = NULL WHERE id = ?", arguments: [event.id])
        }
        let message = describe { _ = try store.asOf(endOf: AsOfTests.past) }
        #expect(message?.contains("the earliest day it can show is 2026-11-21") == true)
        #expect(try store.asOf(endOf: day("2026-11-21")) != nil)
    }

    /// Seeded histories rewind to a state their own dates agree with, on every day.
    @Test func seededHistoriesRewindToWhatTheirDatesSay() throws {
        var next: Int64 = 1
        let seeder = Seeder(
            accounts: 40, tasksPerAccount: nil, csms: 3, seed: 5, asOf: AsOfTests.seedDay, catalog: builtins)
        for i in 0..<40 {
            let (final, events) = seeder.account(i, nextID: &next)
            for offset in stride(from: 0, through: 150, by: 10) {
                let d = AsOfTests.seedDay - offset
                var a: Account? = final
                for e in events.reversed() where e.day! > d { a = try a?.rewound(by: #require(e.prior)) }
                guard let a else {
                    #expect(final.contractSigned > d, "\(final.name) gone on \(d.iso)")
                    continue
                }
                #expect(a.contractSigned <= d)
                #expect(a.lastActivity <= d)
                #expect(a.tasks.allSatisfy { ($0.finishedOn ?? d) <= d }, "\(a.name) on \(d.iso)")
                #expect(a.checkpoints.allSatisfy { ($0.achievedOn ?? d) <= d })
                #expect((a.stage.enteredOn ?? d) <= d && (a.completedOn ?? d) <= d)
                #expect((a.escalation?.on ?? d) <= d)
                #expect(a.stages.allSatisfy { ($0.leftOn ?? d) <= d })
            }
        }
    }
}
