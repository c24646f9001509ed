import Foundation

/// Where a test's store lives: a file, or a team store on the test run's PostgreSQL server.
/// The suites that take it run every test on both.
public enum StoreKind: String, CaseIterable, Sendable {
    case file
    case team

    /// A new store's location of this kind: `name` in `folder`, or a new database's URL.
    public func location(_ name: String, in folder: String) throws -> String {
        switch self {
        case .file: (folder as NSString).appendingPathComponent(name)
        case .team: try PostgresServer.shared.newDatabase()
        }
    }
}
