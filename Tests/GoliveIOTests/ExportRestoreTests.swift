import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

struct ExportRestoreTests {
    func seededStore(_ dir: TempDir, name: String = "a.sqlite", seed: UInt64 = 3) throws -> Store {
        try GoliveIOTests.seededStore(in: dir, accounts: 25, seed: seed, name: name, batch: 10)
    }

    @Test func exportRestoreExportGivesIdenticalJSON() throws {
        let dir = TempDir()
        let a = try seededStore(dir)
        try a.perform(
            .escalate(reason: "sponsor \"unhappy\" — 東京", to: "VP Customer Success"), on: try a.accounts()[0].id,
            who: "lee",
            today: day("2026-11-22"))
        let first = try ExportDocument.make(from: a).json()
        try first.write(to: URL(fileURLWithPath: dir.file("export.json")))
        let b = try Store(path: dir.file("b.sqlite"), mode: .create)
        _ = try ExportFile.open(path: dir.file("export.json")).restore(into: b)
        let second = try ExportDocument.make(from: b).json()
        #expect(first == second)
        #expect(try b.accounts() == a.accounts())
    }

    @Test func theSameSeedAndDayGiveTheSamePortfolio() throws {
        let dir = TempDir()
        let one = try ExportDocument.make(from: seededStore(dir, name: "1.sqlite")).json()
        let two = try ExportDocument.make(from: seededStore(dir, name: "2.sqlite")).json()
        let other = try ExportDocument.make(from: seededStore(dir, name: "3.sqlite", seed: 4)).json()
        #expect(one == two)
        #expect(one != other)
    }

    /// The seeder's batches written one after the other, each made in line: the way the
    /// pipelined seeding must match.
    static func seedInLine(_ seeder: Seeder, into store: Store, batch: Int) throws {
        var done = 0
        while done < seeder.accounts {
            let upTo = min(seeder.accounts, done + batch)
            try store.write { tx in
                if done == 0 {
                    for e in seeder.catalog.entries {
                        try tx.upsert(
                            StoredPlaybook(
                                name: e.playbook.name, title: e.playbook.title, thresholds: e.playbook.thresholds))
                    }
                }
                var next = try tx.nextID()
                var events: [Event] = []
                for i in done..<upTo {
                    let (account, evs) = seeder.account(i, nextID: &next)
                    try tx.insert(account)
                    events += evs
                }
                for e in events.sorted(by: { $0.at < $1.at }) { try tx.insert(e) }
                try tx.setNextID(next)
            }
            done = upTo
        }
    }

    /// Each batch is made while the one before is written: whatever the batch size, the
    /// portfolio and its history are those of the batches made and written in line.
    @Test(arguments: [1, 7, 64, 1_000]) func batchesMadeAheadGiveThePortfolioMadeInLine(_ batch: Int) throws {
        let dir = TempDir()
        let seeder = Seeder(
            accounts: 90, tasksPerAccount: nil, csms: 3, seed: 6, asOf: day("2026-11-22"), catalog: builtins)
        let ahead = try Store(path: dir.file("ahead.sqlite"), mode: .create)
        _ = try Operations.seed(seeder, into: ahead, batch: batch)
        let inLine = try Store(path: dir.file("in-line.sqlite"), mode: .create)
        try Self.seedInLine(seeder, into: inLine, batch: batch)
        #expect(try ExportDocument.make(from: ahead).json() == ExportDocument.make(from: inLine).json())
    }

    @Test func seedingAStoreThatIsNotEmptyIsRefusedAndChangesNothing() throws {
        let dir = TempDir()
        let store = try GoliveIOTests.seededStore(in: dir, accounts: 5, seed: 6)
        let before = try ExportDocument.make(from: store).json()
        let again = Seeder(
            accounts: 5, tasksPerAccount: nil, csms: 2, seed: 7, asOf: day("2026-11-22"), catalog: builtins)
        #expect(throws: StoreError.self) { _ = try Operations.seed(again, into: store, batch: 2) }
        #expect(try ExportDocument.make(from: store).json() == before)
    }

    @Test func aSeededPortfolioShowsEveryColour() throws {
        let dir = TempDir()
        let store = try GoliveIOTests.seededStore(in: dir, accounts: 120, seed: 9, csms: 4, tasksPerAccount: 30)
        let accounts = try store.accounts()
        #expect(accounts.allSatisfy { $0.tasks.count == 30 })
        let rags = Set(accounts.filter(\.isActive).map { $0.status(asOf: day("2026-11-22")).rag })
        #expect(rags == [.red, .amber, .green])
        #expect(accounts.contains { $0.stall(asOf: day("2026-11-22")) != nil })
        #expect(accounts.contains { $0.escalation != nil })
        #expect(accounts.contains { !$0.isActive })
        #expect(Set(accounts.map(\.csm)).count == 4)
    }

    @Test func restoreRefusesANonEmptyStore() throws {
        let dir = TempDir()
        let a = try seededStore(dir)
        let path = dir.file("export.json")
        try ExportDocument.make(from: a).json().write(to: URL(fileURLWithPath: path))
        let before = try ExportDocument.make(from: a).json()
        #expect(describe { _ = try ExportFile.open(path: path).restore(into: a) }?.contains("is not empty") == true)
        #expect(try ExportDocument.make(from: a).json() == before)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var mutate: @Sendable (String) -> String
        var message: String
        var testDescription: String { name }
    }
    static let cases: [Case] = [
        .init(name: "truncated", mutate: { String($0.prefix($0.count / 2)) }, message: "not valid JSON"),
        .init(
            name: "wrong version", mutate: { $0.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 7") },
            message: "export version 7 is not supported (this golive reads version 1)"),
        .init(name: "not an export", mutate: { _ in "{\"hello\": 1}" }, message: "not a golive export"),
        .init(
            name: "event about a missing account",
            mutate: { $0.replacingOccurrences(of: "\"account_id\" : 1,", with: "\"account_id\" : 999999,") },
            message: "account_id: account 999999 is not in the file"),
    ]

    @Test(arguments: cases)
    func aBadExportIsRefusedAndTheStoreStaysEmpty(_ c: Case) throws {
        let dir = TempDir()
        let text = String(decoding: try ExportDocument.make(from: seededStore(dir)).json(), as: UTF8.self)
        let path = dir.write("bad.json", c.mutate(text))
        let m = describe { _ = try ExportDocument.read(path: path) }
        #expect(m?.hasPrefix("\(path): ") == true && m?.contains(c.message) == true, "got: \(m ?? "no error")")
    }
}

extension ExportRestoreTests {
    /// Restore is as strict as import: each refusal names the file and the JSON path.
    @Test(arguments: [
        (#""arr" : [0-9]+"#, #""arr" : -5"#, "accounts[0].arr: cannot be negative (-5)"),
        (#""arr" : [0-9]+"#, #""arr" : 9223372036854775807"#, "accounts[0].arr: 9223372036854775807 is more"),
        (#""target_go_live" : "[0-9-]+""#, #""target_go_live" : "2001-01-01""#, "is before the contract"),
        (#""contract_signed" : "[0-9-]+""#, #""contract_signed" : "1900-01-01""#, "outside the dates"),
        (#""csm" : "[^"]+""#, #""csm" : "Ana\u0000""#, "accounts[0].csm: contains a control character"),
    ])
    func restoreRefusesWhatImportWould(_ pattern: String, _ replacement: String, _ message: String) throws {
        let dir = TempDir()
        let json = String(decoding: try ExportDocument.make(from: seededStore(dir)).json(), as: UTF8.self)
        let range = try #require(json.range(of: pattern, options: .regularExpression), "no \(pattern)")
        let path = dir.file("bad.json")
        try Data(json.replacingCharacters(in: range, with: replacement).utf8).write(to: URL(fileURLWithPath: path))
        let m = describe { _ = try ExportDocument.read(path: path) }
        #expect(m?.hasPrefix("\(path): ") == true && m?.contains(message) == true, "got: \(m ?? "nothing")")
    }

    @Test func eventsNamingATaskThatNeverExistedAreRefusedAndDuplicateIdsToo() throws {
        let dir = TempDir()
        var doc = try ExportDocument.make(from: seededStore(dir))
        let last = doc.events.count - 1
        doc.events[last].taskID = 987_654
        let path = dir.file("bad.json")
        try doc.json().write(to: URL(fileURLWithPath: path))
        let missing = describe { _ = try ExportDocument.read(path: path) }
        #expect(missing?.contains("task_id: task 987654 is not on account") == true, "\(missing ?? "")")
        doc.events[last].taskID = nil
        doc.events[last].id = doc.events[0].id
        try doc.json().write(to: URL(fileURLWithPath: path))
        let twice = describe { _ = try ExportDocument.read(path: path) }
        #expect(twice?.contains("events[\(last)].id: \(doc.events[0].id) appears twice") == true, "\(twice ?? "")")
    }
}

extension ExportRestoreTests {
    /// Exports written before holds existed carry no "holds": they restore with none.
    @Test func anExportFromBeforeHoldsRestoresWithNone() throws {
        let dir = TempDir()
        let json = String(decoding: try ExportDocument.make(from: seededStore(dir)).json(), as: UTF8.self)
        let old = json.replacingOccurrences(of: #"\s*"holds" : \[\s*\],"#, with: "", options: .regularExpression)
        #expect(!old.contains("\"holds\""))
        let path = dir.write("old.json", old)
        let doc = try ExportDocument.read(path: path)
        #expect(doc.accounts.allSatisfy { $0.holds.isEmpty })
    }

    @Test func aHoldThatEndsBeforeItBeganIsRefused() throws {
        let dir = TempDir()
        let store = try seededStore(dir)
        let id = try store.accounts()[0].id
        try store.perform(
            .hold(reason: "freeze", until: day("2026-12-01")), on: id, who: "lee", today: day("2026-11-10"))
        try store.perform(.resume(note: nil), on: id, who: "lee", today: day("2026-11-20"))
        let json = String(decoding: try ExportDocument.make(from: store).json(), as: UTF8.self)
        let bad = json.replacingOccurrences(of: #""resumed_on" : "2026-11-20""#, with: #""resumed_on" : "2026-11-01""#)
        let path = dir.write("bad.json", bad)
        let m = describe { _ = try ExportDocument.read(path: path) }
        #expect(
            m?.contains("accounts[0].holds[0].resumed_on: 2026-11-01 is before the hold began (2026-11-10)") == true,
            "got: \(m ?? "nothing")")
    }
}
