import Foundation
import Testing

@testable import GoliveStore

/// A team store URL read by golive itself into libpq's settings, as libpq would read it,
/// and passwords hidden from any text that quotes one.
struct PostgresURLTests {
    @Test func aURLIsReadIntoTheSettingsLibpqWouldReadFromIt() throws {
        let cases: [(url: String, settings: [String: String])] = [
            (
                "postgresql://ana:S3cr3t%21@db.example:5433/golive?sslmode=require",
                [
                    "user": "ana", "password": "S3cr3t!", "host": "db.example", "port": "5433", "dbname": "golive",
                    "sslmode": "require",
                ]
            ),
            (
                "postgres://[::1]:6000/golive?ssl=true",
                ["host": "::1", "port": "6000", "dbname": "golive", "sslmode": "require"]
            ),
            ("postgresql://a:1,b/db", ["host": "a,b", "port": "1,", "dbname": "db"]),
            ("postgresql:///golive?host=/var/run/postgresql", ["dbname": "golive", "host": "/var/run/postgresql"]),
            ("postgresql://ana:p%40ss@%2Ftmp/db", ["user": "ana", "password": "p@ss", "host": "/tmp", "dbname": "db"]),
            ("POSTGRESQL://h", ["host": "h"]),
        ]
        for c in cases { #expect(try PostgresURL.settings(c.url) == c.settings, "\(c.url)") }
    }

    @Test func aPasswordIsHiddenWhereverATextQuotesIt() {
        let cases: [(text: String, shown: String)] = [
            ("bad URL postgresql://ana:S3cr3t@[::1/db", "bad URL postgresql://ana:***@[::1/db"),
            ("invalid: \"postgres:/ana:p@ss@h/db\"", "invalid: \"postgres:/ana:***@h/db\""),
            ("host=h password='S3 cr3t' user=ana", "host=h password=*** user=ana"),
            ("host=h password='S3cr3t", "host=h password=***"),
            ("?sslmode=x&password=S3cr3t%21&a=b", "?sslmode=x&password=***&a=b"),
            ("password authentication failed for user \"ana\"", "password authentication failed for user \"ana\""),
        ]
        for c in cases { #expect(PostgresSecrets.scrubbed(c.text) == c.shown, "\(c.text)") }
        #expect(
            PostgresSecrets.scrubbed("it said S3cr3t! twice: S3cr3t!", hiding: ["S3cr3t!"]) == "it said *** twice: ***")
        #expect(
            Set(PostgresSecrets.passwords(in: "postgresql://ana:S3cr3t%21@h/db?password=p%40ss")) == [
                "S3cr3t%21", "S3cr3t!", "p%40ss", "p@ss",
            ])
    }
}
