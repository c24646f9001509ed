import Foundation
import GRDB
import GoliveDomain
import GoliveTestSupport
import Testing

@testable import GoliveIO
@testable import GoliveStore

/// The streamed export is held to the document `JSONEncoder` makes (`ExportDocument.json()`),
/// byte for byte: the format existing exports were written in.
struct StreamedExportTests {
    static func streamed(_ store: Store, accountsPerBatch: Int = 512, eventsPerBatch: Int = 8_192) throws -> Data {
        var out = Data()
        _ = try ExportDocument.stream(
            from: store, accountsPerBatch: accountsPerBatch, eventsPerBatch: eventsPerBatch
        ) { out.append(contentsOf: $0) }
        return out
    }

    /// A seeded store whose names, titles, owners and events hold every kind of hostile
    /// text (written past the domain, which refuses controls), so escaping is compared on
    /// all of them.
    static func hostileStore(_ dir: TempDir) throws -> Store {
        let store = try seededStore(in: dir, accounts: 30, seed: 8, batch: 7)
        let hostile = ReportJSONTests.hostile + ["\u{2028}\u{2029}\u{61C}\u{200E}", "\u{1B}[31mred", "tab\there"]
        try store.write { tx in
            for (i, text) in hostile.enumerated() {
                try tx.db.execute(
                    sql:
                        "UPDATE accounts SET name = ? WHERE id = (SELECT id FROM accounts ORDER BY id LIMIT 1 OFFSET ?)",
                    arguments: ["n" + text + " \(i)", i])
                try tx.db.execute(
                    sql:
                        "UPDATE tasks SET title = ?, owner = ? WHERE id IN (SELECT id FROM tasks ORDER BY id LIMIT 9 OFFSET ?)",
                    arguments: ["t" + text, "o" + text, i * 9])
                try tx.db.execute(
                    sql:
                        "UPDATE events SET who = ?, detail = ? WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 5 OFFSET ?)",
                    arguments: ["w" + text, "d" + text, i * 5])
            }
        }
        return store
    }

    @Test func theStreamedExportIsTheEncodedDocumentOnHostileText() throws {
        let dir = TempDir()
        let store = try Self.hostileStore(dir)
        let reference = try ExportDocument.make(from: store).json()
        #expect(try Self.streamed(store) == reference)
    }

    /// Batches far smaller than the store, and lists split across cores inside each batch:
    /// the pieces join with the same separators.
    @Test(arguments: [(1, 1), (3, 5), (7, 64), (1_000, 100_000)])
    func batchesOfAnySizeJoinIntoTheSameDocument(_ accounts: Int, _ events: Int) throws {
        let dir = TempDir()
        let store = try seededStore(in: dir, accounts: 20, seed: 5, batch: 6)
        let reference = try ExportDocument.make(from: store).json()
        #expect(try Self.streamed(store, accountsPerBatch: accounts, eventsPerBatch: events) == reference)
    }

    @Test func anEmptyStoreStreamsTheEmptyDocument() throws {
        let dir = TempDir()
        let store = try Store(path: dir.file("empty.sqlite"), mode: .create)
        #expect(try Self.streamed(store) == (try ExportDocument.make(from: store).json()))
    }

    @Test func theStreamedExportRestoresToTheSameStore() throws {
        let dir = TempDir()
        let a = try seededStore(in: dir, accounts: 12, seed: 2, batch: 5)
        try a.perform(
            .escalate(reason: "sponsor \"unhappy\" — 東京 a/b", to: "VP Ops/Support"), on: try a.accountIDs()[0],
            who: "lee", today: day("2026-11-22"))
        let path = dir.file("export.json")
        try Self.streamed(a, accountsPerBatch: 4, eventsPerBatch: 50).write(to: URL(fileURLWithPath: path))
        let b = try Store(path: dir.file("b.sqlite"), mode: .create)
        _ = try ExportFile.open(path: path).restore(into: b)
        #expect(try b.accounts() == a.accounts())
        #expect(try Self.streamed(b) == (try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}

/// The writer on its own, against `JSONEncoder` set up as the export sets it up.
struct PrettyJSONWriterTests {
    struct Sample: Codable {
        var name: String
        var checkpointID: Int64?
        var empty: [Int] = []
        var emptyObject: [String: String] = [:]
        var fields: [String: String]
        var nested: [[Int]] = [[], [1, -2]]
        var flag = true
        var day: Day
        var big = Int64.min
        var small: Int8 = -3
        var unsigned: UInt16 = 65_535
    }

    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = JSONKeys.encoding
        return Text.inertJSON(String(decoding: try e.encode(value), as: UTF8.self))
    }

    static func written<T: Encodable>(_ value: T) throws -> String {
        let w = PrettyJSONWriter()
        try w.write(value, depth: 0)
        return String(decoding: w.take(), as: UTF8.self)
    }

    @Test(arguments: ReportJSONTests.hostile + ["\u{2028}", "\u{1B}", "🚀/"])
    func valuesAreWrittenAsTheEncoderWritesThem(_ text: String) throws {
        let sample = Sample(
            name: text, checkpointID: 7, fields: ["targetGoLive": text, "B": "b", "a_b": "", "aB": "x", "é": "e"],
            day: day("2026-11-22"))
        #expect(try Self.written(sample) == (try Self.encoded(sample)))
        #expect(try Self.written([sample, sample]) == (try Self.encoded([sample, sample])))
        #expect(try Self.written(text) == (try Self.encoded(text)))
    }

    @Test func emptyListsAndAnAbsentOptionalAreWrittenAsTheEncoderWritesThem() throws {
        let sample = Sample(name: "n", checkpointID: nil, fields: [:], day: day("2026-01-01"))
        #expect(try Self.written(sample) == (try Self.encoded(sample)))
        #expect(try Self.written([Sample]()) == (try Self.encoded([Sample]())))
    }

    @Test func aFloatingPointNumberIsRefusedRatherThanWrittenDifferently() throws {
        struct Measured: Encodable { var value = 1.5 }
        #expect(throws: EncodingError.self) { try Self.written(Measured()) }
    }
}

extension StreamedExportTests {
    @Test func aSeedBuiltWholeExportsAsTheSameSeedWrittenInPlace() throws {
        let dir = TempDir()
        let seeder = Seeder(
            accounts: 60, tasksPerAccount: 12, csms: 3, seed: 5, asOf: day("2026-11-22"), catalog: builtins)
        let inPlace = try Store(path: dir.file("in-place.sqlite"), mode: .create)
        try Operations.seed(seeder, into: inPlace, batch: 25)
        let built = try Store.build(at: dir.file("built.sqlite")) { store in
            try Operations.seed(seeder, into: store, batch: 25, compact: false)
        }
        #expect(try Self.streamed(built) == (try Self.streamed(inPlace)))
    }
}
