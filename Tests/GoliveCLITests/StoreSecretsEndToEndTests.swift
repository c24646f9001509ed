import Foundation
import Testing

/// A team store URL that cannot be used — misspelt, badly escaped, an unknown setting, a
/// server that is not there — is named in one line on standard error, whatever the way it
/// was given, and its password is in no output, as written or as meant.
struct StoreSecretsEndToEndTests {
    struct Shape: CustomStringConvertible, Sendable {
        let store: String
        /// What the one line must say about it.
        let says: String
        /// Whether the URL reads well and only connecting fails: `info`, which does not
        /// connect, then shows it (without its password).
        var readable = false
        var description: String { says }
    }

    static let shapes: [Shape] = [
        Shape(store: "postgresql://ana:S3cr3t%21@[::1/db", says: "IPv6 address opened with '[' is not closed"),
        Shape(store: "postgresql://ana:S3%ZZcr3t%21@localhost/db", says: "the password has a '%' not followed by"),
        Shape(
            store: "postgresql://ana:S3cr3t%21@localhost/db?sslmode=bogus&password=S3cr3t%21", says: "sslmode",
            readable: true),
        Shape(store: "postgres://ana:S3cr3t%21@localhost:99999/db", says: "the port 99999 is not from 1 to 65535"),
        Shape(store: "postgresql://ana@localhost/db?password=S3cr3t%21&bogus=1", says: "unknown parameter 'bogus'"),
        Shape(store: "postgresql://ana:S3cr3t%21@localhost:5x432/db", says: "the port is not a number"),
        Shape(store: "postgresql://ana:S3cr3t%21@host%ZZ/db", says: "the host has a '%'"),
        Shape(store: "host=localhost password='S3cr3t%21", says: "PostgreSQL settings (key=value)"),
        Shape(store: "postgresql://ana:p%40ss@localhost/db?password", says: "query parameter 'password' has no"),
        Shape(store: "postgresql://ana:p@ss@localhost/d@b", says: "the database name holds an '@'"),
        Shape(store: "postgresql://ana:S3cr3t%21@localhost/db%", says: "the database name has a '%'"),
        Shape(store: "postgresql://ana:S3cr3t%21@127.0.0.1:1/db", says: "Connection refused", readable: true),
        Shape(store: "postgresql:/ana:S3cr3t%21@localhost/db", says: "must start with postgresql://"),
        Shape(store: "postgresql://ana:S3cr3t%21@localhost,/db", says: "a host in the list of hosts is empty"),
        Shape(store: "postgresql://ana:S3cr3t%21@localhost/db?ssl=yes", says: "'ssl' takes only 'true'"),
        Shape(store: "postgresql://ana:p%40ss@localhost/db?sslmode=bogus", says: "sslmode", readable: true),
    ]

    /// Every form of the passwords above: none may be printed, in part or whole.
    static let secrets = ["cr3t", "S3cr3t", "S3cr3t%21", "S3cr3t!", "p@ss", "p%40ss"]

    @Test(arguments: shapes)
    func aBadStoreURLIsNamedInOneLineWithoutItsPassword(_ shape: Shape) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let csv = cli.write("won.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nZephyr,Ana,smb,9000,2026-11-22\n")
        let info = try cli.run(["info"], env: ["GOLIVE_STORE": shape.store])
        if shape.readable {
            #expect(info.status == 0, "\(info.err)")
            #expect(info.out.contains("store:      postgresql://ana@"), "\(info.out)")
        }
        let runs = [
            try cli.run(["report", "stalled", "--store", shape.store]),
            try cli.run(["--store=\(shape.store)", "events"]),
            try cli.run(["report", "stalled"], env: ["GOLIVE_STORE": shape.store]),
            // Where a new file's name would be printed.
            try cli.run(["import", csv, "--dry-run", "--store", shape.store]),
            try cli.run(["seed", "--accounts", "2"], env: ["GOLIVE_STORE": shape.store]),
        ]
        for r in runs + (shape.readable ? [] : [info]) {
            #expect(r.status != 0, "\(r.out)")
            let lines = r.err.split(separator: "\n")
            #expect(lines.count == 1, "\(r.err)")
            #expect(r.err.contains(shape.says), "\(r.err)")
            #expect(!r.err.contains("golive --help"), "\(r.err)")
        }
        for r in runs + [info] {
            for secret in Self.secrets {
                #expect(!(r.out + r.err).contains(secret), "\(secret): \(r.out) \(r.err)")
            }
        }
    }

    @Test(arguments: shapes)
    func aStoreURLQuotedInAnArgumentErrorIsQuotedWithoutItsPassword(_ shape: Shape) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let r = try cli.run(["report", "stalled", shape.store])
        #expect(r.status != 0)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        for secret in Self.secrets {
            #expect(!(r.out + r.err).contains(secret), "\(secret): \(r.err)")
        }
    }
}
