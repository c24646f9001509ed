import Foundation

/// A fresh folder per test, removed when the test process ends. Not when the test lets go
/// of it: `let (_, store, session) = …` lets go at once, and a running session notices its
/// store file deleted and refuses every change, as the board does (`StoreLostTests`).
public final class TempDir {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "golive-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    deinit {
        TempDir.leftBehind.withLock { $0.append(path) }
        _ = TempDir.removedAtExit
    }

    private static let leftBehind = NSLockedPaths()
    private static let removedAtExit: Void = {
        atexit {
            for path in TempDir.leftBehind.withLock({ $0 }) {
                // A test may have taken write permission away to check a refusal.
                _ = try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }()
}

/// Paths behind a lock: tests run in parallel.
final class NSLockedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []

    func withLock<T>(_ body: (inout [String]) -> T) -> T { lock.withLock { body(&paths) } }
}
