import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveIO

/// A restore reads its file as a stream: these hold it to what reading the whole document
/// gave, whatever the file's layout, and to all-or-nothing when the problem is near the end.
struct StreamedRestoreTests {
    static func export(_ dir: TempDir, accounts: Int = 12) throws -> (store: Store, path: String) {
        let store = try seededStore(in: dir, accounts: accounts, seed: 6, batch: 5)
        let path = dir.file("export.json")
        try ExportDocument.make(from: store).json().write(to: URL(fileURLWithPath: path))
        return (store, path)
    }

    static func pieces(_ path: String, bufferSize: Int) throws -> [String] {
        var scanner = try ExportScanner(path: path, bufferSize: bufferSize)
        defer { scanner.close() }
        var out: [String] = []
        func use(_ key: String) -> ExportScanner.Use { key == "accounts" || key == "events" ? .elements : .value }
        func take(_ piece: ExportScanner.Piece) {
            switch piece {
            case .element(let key, let index, let bytes):
                out.append("\(key)[\(index)] \(bytes.count) \(bytes.hashValue)")
            case .value(let key, let bytes): out.append("\(key) \(String(decoding: bytes, as: UTF8.self))")
            case .end(let key, let count): out.append("\(key) ends after \(count)")
            }
        }
        try scanner.scan(use, take)
        return out
    }

    /// Buffers of a few bytes put every value across buffer ends, strings and escapes too.
    @Test(arguments: [1, 2, 7, 64, 4_096])
    func valuesAreFoundWhereverTheBufferEnds(_ size: Int) throws {
        let dir = TempDir()
        let (_, path) = try Self.export(dir, accounts: 3)
        #expect(try Self.pieces(path, bufferSize: size) == (try Self.pieces(path, bufferSize: 1 << 20)))
    }

    /// The same export written compactly with its keys in another order (as another tool
    /// might re-save it): the header after the lists or before them, no white space.
    @Test func aCompactFileWithItsKeysInAnyOrderRestoresTheSameStore() throws {
        let dir = TempDir()
        let (a, path) = try Self.export(dir)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let compact = dir.file("compact.json")
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: compact))
        let b = try Store(path: dir.file("b.sqlite"), mode: .create)
        let written = try ExportFile.open(path: compact).restore(into: b)
        #expect(written == ExportDocument.Written(accounts: 12, events: try a.events().count))
        #expect(try b.accounts() == a.accounts())
        #expect(try ExportDocument.make(from: b).json() == (try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The last event names an account that is not in the file: found after every account
    /// and all other events were written, and still nothing stays in the store.
    @Test func aProblemInTheLastEventLeavesTheStoreEmpty() throws {
        let dir = TempDir()
        let (a, _) = try Self.export(dir)
        var doc = try ExportDocument.make(from: a)
        doc.events[doc.events.count - 1].accountID = 424_242
        let path = dir.file("bad.json")
        try doc.json().write(to: URL(fileURLWithPath: path))
        let b = try Store(path: dir.file("b.sqlite"), mode: .create)
        let message = describe { _ = try ExportFile.open(path: path).restore(into: b, batch: 4) }
        #expect(message?.hasPrefix("\(path): events[\(doc.events.count - 1)].account_id: account 424242") == true)
        #expect(try b.accounts().isEmpty)
        #expect(try b.events().isEmpty)
        #expect(try b.playbooks().isEmpty)
    }

    @Test(arguments: [
        ("{\"accounts\": [], \"events\": []} trailing", "more follows the document"),
        ("[1, 2]", "the file does not begin with '{'"),
        ("{\"accounts\": [{\"id\": 1}", "the file ends inside \"accounts\""),
        ("{\"accounts\" [] }", "expected ':' after \"accounts\""),
        ("{\"accounts\": {}, \"format\": \"golive-export\"}", "\"accounts\" is not a list"),
    ])
    func aFileThatIsNotOneJSONObjectIsRefusedWithWhereItWentWrong(_ text: String, _ problem: String) throws {
        let dir = TempDir()
        let path = dir.write("bad.json", text)
        let message = describe { _ = try ExportFile.open(path: path) }
        #expect(message?.contains("not valid JSON (\(problem)") == true, "got: \(message ?? "nothing")")
    }

    @Test func aDecodingProblemNamesTheElementItIsIn() throws {
        let dir = TempDir()
        let (_, path) = try Self.export(dir, accounts: 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let bad = dir.write(
            "bad.json",
            text.replacingOccurrences(of: "\"lane\" : \"customer\"", with: "\"lane\" : \"partner\""))
        let message = describe { _ = try ExportDocument.read(path: bad) }
        #expect(message?.contains("at accounts[0].tasks[") == true, "got: \(message ?? "nothing")")
        #expect(message?.contains(".lane") == true, "got: \(message ?? "nothing")")
    }
}
