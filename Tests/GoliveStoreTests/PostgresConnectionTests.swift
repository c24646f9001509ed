import Foundation
import GoliveTestSupport
import Testing

@testable import GoliveStore

/// The connection to a team store's server, against a real PostgreSQL server: values come
/// back as they went, and every failure reads as the server's words without the password.
struct PostgresConnectionTests {
    let server = PostgresServer.shared

    func connect(_ url: String) throws -> PostgresConnection {
        try PostgresConnection(PostgresLocation(url))
    }

    @Test func valuesComeBackAsTheyWentIncludingNullsEmptyTextAndBytes() throws {
        let db = try connect(try server.newDatabase())
        try db.execute("CREATE TABLE t (i bigint, s text, b bytea, n integer, f boolean)")
        let bytes = Data([0, 1, 2, 255, 0])
        let rows: [[PostgresValue]] = [
            [.int(Int64.min), .text("café ✔ \u{1F600}"), .bytes(bytes), .int(-7), .text("true")],
            [.int(Int64.max), .text(""), .bytes(Data()), .int(Int64(Int32.max)), .text("false")],
            [.null, .null, .null, .null, .null],
        ]
        for r in rows { try db.execute("INSERT INTO t VALUES ($1, $2, $3, $4, $5)", r) }
        let result = try db.execute("SELECT i, s, b, n, f FROM t ORDER BY i NULLS LAST")
        #expect(result.count == 3)
        #expect(try result.int(0, 0) == Int64.min)
        #expect(try result.text(0, 1) == "café ✔ \u{1F600}")
        #expect(try result.data(0, 2) == bytes)
        #expect(try result.int(0, 3) == -7)
        #expect(try result.int(0, 4) == 1)
        #expect(try result.int(1, 0) == Int64.max)
        #expect(try result.text(1, 1) == "")
        #expect(try result.data(1, 2) == Data())
        #expect(try result.int(1, 3) == Int64(Int32.max))
        #expect(try result.int(1, 4) == 0)
        for column in 0..<5 { #expect(result.isNull(2, column)) }
        #expect(try result.text(2, 1) == nil)
    }

    @Test func aColumnReadAsTheWrongKindIsAnErrorNamingIt() throws {
        let db = try connect(try server.newDatabase())
        let result = try db.execute("SELECT 'x'::text AS title")
        #expect(throws: StoreError.self) { try result.int(0, 0) }
        let e = try #require(throws: StoreError.self) { try result.int(0, 0) }
        #expect(e.message.contains("title"))
    }

    @Test func aTransactionThatThrowsLeavesNothingAndOneThatReturnsIsKept() throws {
        let db = try connect(try server.newDatabase())
        try db.execute("CREATE TABLE t (i bigint PRIMARY KEY)")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Refused()
            }
        }
        #expect(try db.execute("SELECT count(*) FROM t").int(0, 0) == 0)
        try db.transaction { try db.execute("INSERT INTO t VALUES (2)") }
        #expect(try db.execute("SELECT count(*) FROM t").int(0, 0) == 1)
        // A statement the server refuses inside the transaction rolls all of it back.
        #expect(throws: PostgresError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (3)")
                try db.execute("INSERT INTO t VALUES (2)")
            }
        }
        #expect(try db.execute("SELECT count(*) FROM t").int(0, 0) == 1)
    }

    @Test func theServersRefusalIsInItsWordsWithItsCode() throws {
        let db = try connect(try server.newDatabase())
        try db.execute("CREATE TABLE t (i bigint PRIMARY KEY)")
        try db.execute("INSERT INTO t VALUES (1)")
        let e = try #require(throws: PostgresError.self) { try db.execute("INSERT INTO t VALUES ($1)", [.int(1)]) }
        #expect(e.sqlState == PostgresError.uniqueViolation)
        #expect(e.description.contains("duplicate key value violates unique constraint"))
        #expect(e.description.contains("Key (i)=(1) already exists"))
        #expect(!e.description.contains("\n"))
        #expect(!e.connectionLost)
    }

    @Test func aRoleThatMayOnlyReadIsRefusedByTheServer() throws {
        let url = try server.newDatabase()
        let name = PostgresServer.database(of: url)
        let db = try connect(url)
        try db.execute("CREATE TABLE t (i bigint)")
        let role = "viewer_\(name.suffix(6))"
        try server.sql("CREATE ROLE \(role) LOGIN PASSWORD 'seeonly'")
        try server.sql("GRANT SELECT ON t TO \(role)", database: name)
        let viewer = try connect(server.url(database: name, role: role, password: "seeonly"))
        #expect(try viewer.execute("SELECT count(*) FROM t").int(0, 0) == 0)
        let e = try #require(throws: PostgresError.self) { try viewer.execute("INSERT INTO t VALUES (1)") }
        #expect(e.sqlState == PostgresError.insufficientPrivilege)
        #expect(e.description.contains("permission denied"))
    }

    @Test func failingToConnectSaysWhyOnOneLineWithoutThePassword() throws {
        let secret = "s3cret-Pa55"
        let cases: [(url: String, says: String)] = [
            (server.url(database: "postgres", password: secret), "password authentication failed"),
            (server.url(database: "no_such_db"), "does not exist"),
            (server.url(database: "postgres", role: "nobody", password: secret), "nobody"),
            ("postgresql://postgres:\(secret)@127.0.0.1:1/golive", "Connection refused"),
        ]
        for c in cases {
            let e = try #require(throws: StoreError.self, "\(c.url)") { try connect(c.url) }
            #expect(e.message.contains(c.says), "\(e.message)")
            #expect(!e.message.contains(secret), "\(e.message)")
            #expect(!e.message.contains("\n"), "\(e.message)")
            #expect(e.message.hasPrefix("cannot open the store postgresql://"), "\(e.message)")
        }
    }

    @Test func aLocationIsShownWithoutItsPasswordOrOptions() throws {
        let cases: [(url: String, shown: String)] = [
            ("postgresql://ana:pw@db.example:5433/golive?sslmode=require", "postgresql://ana@db.example:5433/golive"),
            ("postgres://db.example/golive", "postgresql://db.example/golive"),
            ("postgresql://ana@%2Fvar%2Frun%2Fpostgresql/golive", "postgresql://ana@/var/run/postgresql/golive"),
            ("postgresql://ana:pw@[::1]:5/golive", "postgresql://ana@[::1]:5/golive"),
            ("postgresql://ana@h1:5432,[::1]:5433/golive", "postgresql://ana@h1:5432,[::1]:5433/golive"),
        ]
        for c in cases { #expect(try PostgresLocation(c.url).description == c.shown) }
        let e = try #require(throws: StoreError.self) { try PostgresLocation("postgresql://ana:pw@h/db?nosuch=1") }
        #expect(e.message.contains("nosuch"))
        #expect(!e.message.contains("pw@"))
        #expect(PostgresLocation.isURL("PostgreSQL://h/db"))
        #expect(!PostgresLocation.isURL("/home/ana/postgresql.sqlite"))
    }

    @Test func anotherConnectionsNotificationArrives() throws {
        let url = try server.newDatabase()
        let listener = try connect(url)
        let writer = try connect(url)
        try listener.listen("golive")
        #expect(try listener.notifications().isEmpty)
        try writer.execute("SELECT pg_notify('golive', '42')")
        var got: [(channel: String, payload: String, sender: Int32)] = []
        for _ in 0..<100 where got.isEmpty {
            var p = pollfd(fd: listener.socket, events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, 50)
            got = try listener.notifications()
        }
        #expect(got.map(\.channel) == ["golive"])
        #expect(got.map(\.payload) == ["42"])
    }

    @Test func theServersWarningsAreNotPrintedOverABoard() throws {
        let db = try connect(try server.newDatabase())
        let dir = TempDir()
        let path = dir.file("stderr")
        let saved = dup(2)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        dup2(fd, 2)
        defer {
            dup2(saved, 2)
            close(saved)
            close(fd)
        }
        try db.execute("DO $$ BEGIN RAISE WARNING 'golive-loud-warning'; END $$")
        let written = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(!written.contains("golive-loud-warning"))
    }
}
