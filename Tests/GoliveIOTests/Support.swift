import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "golive-io-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func day(_ s: String) -> Day { Day(iso: s)! }

let builtins = try! PlaybookCatalog.load(userDirectory: nil)

func describe(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch { return "\(error)" }
}
