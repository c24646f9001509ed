import Foundation
import GoliveTestSupport
import Testing

/// A team moving its store to PostgreSQL through the real binary: restore, export the same
/// bytes, `info` and every message without the password — nor the process list — and the
/// same past day as the file's.
struct TeamStoreEndToEndTests {
    let server = PostgresServer.shared

    @Test func aFilesExportRestoredIntoPostgreSQLExportsTheSameBytes() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let export = cli.file("team.json")
        #expect(try cli.run(["export", "--store", store, "--output", export]).status == 0)
        let url = try server.newDatabase()
        let restored = try cli.run(["restore", export, "--store", url])
        #expect(restored.status == 0, "\(restored.err)")
        #expect(restored.out.contains("restored 40 accounts"))
        #expect(!restored.out.contains(server.password))
        let again = try cli.run(["export", "--store", url])
        #expect(again.status == 0, "\(again.err)")
        #expect(Data(again.out.utf8) == cli.bytes(export))
        // A second restore is refused and changes nothing.
        let twice = try cli.run(["restore", export, "--store", url])
        #expect(twice.status == 1)
        #expect(twice.err.contains("not empty"))
        #expect(!twice.err.contains(server.password))
        #expect(try cli.run(["export", "--store", url]).out == again.out)
    }

    @Test func infoAndEveryRefusalNameTheStoreWithoutItsPassword() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let url = try server.newDatabase()
        let info = try cli.run(["info"], env: ["GOLIVE_STORE": url])
        #expect(info.status == 0)
        #expect(info.out.contains("store:      postgresql://postgres@127.0.0.1:\(server.port)/"))
        #expect(info.out.contains("(PostgreSQL)"))
        #expect(!info.out.contains(server.password))
        // Refusals name the store as `info` does.
        #expect(try cli.run(["seed", "--accounts", "2", "--store", url]).status == 0)
        for command in [["seed", "--accounts", "2"], ["import", cli.file("none.csv")]] {
            let r = try cli.run(command + ["--store", url])
            #expect(r.status == 1, "\(command)")
            #expect(!(r.out + r.err).contains(server.password), "\(command)")
            #expect(r.err.split(separator: "\n").count == 1, "\(command)")
        }
        let wrong = try cli.run(["export", "--store", server.url(database: "postgres", password: "not-it-9")])
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("password authentication failed"))
        #expect(!wrong.err.contains("not-it-9"))
    }

    @Test func aRoleThatMayOnlyReadExportsAndOpensTheBoardReadOnlyButCannotRestore() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (_, url) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        let export = cli.file("team.json")
        let database = PostgresServer.database(of: url)
        let role = "viewer_\(database.suffix(8))"
        try server.sql("CREATE ROLE \(role) LOGIN PASSWORD 'look-only'")
        try server.sql(
            "GRANT USAGE ON SCHEMA golive TO \(role); GRANT SELECT ON ALL TABLES IN SCHEMA golive TO \(role)",
            database: database)
        let viewer = server.url(database: database, role: role, password: "look-only")
        let read = try cli.run(["export", "--store", viewer])
        #expect(read.status == 0, "\(read.err)")
        #expect(Data(read.out.utf8) == cli.bytes(export))
        // The board opens read-only rather than not at all, and says why.
        let t = try Tmux.board(cli, viewer, user: "viewer")
        defer { t.stop() }
        #expect(t.shown.contains("[RO]"), "\(t.shown)")
        #expect(t.shown.contains("read-only: the server lets this role only read postgresql://\(role)@"), "\(t.shown)")
        try t.openFirstAccount()
        try t.keys("!")
        #expect(try t.waitFor("read-only: nothing was changed"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        #expect(!t.shown.contains("look-only"))
        #expect(try cli.run(["export", "--store", viewer]).out == read.out)
        let empty = try server.newDatabase()
        let emptyName = PostgresServer.database(of: empty)
        let refused = try cli.run(
            ["restore", export, "--store", server.url(database: emptyName, role: role, password: "look-only")])
        #expect(refused.status == 1)
        #expect(refused.err.contains("cannot open the store postgresql://\(role)@"), "\(refused.err)")
        #expect(refused.err.contains("permission denied"), "\(refused.err)")
        #expect(!refused.err.contains("look-only"))
        #expect(!refused.err.contains("--help"))
    }

    /// Every report in every format reads the same from a team store as from its file.
    @Test func everyReportOfATeamStoreIsTheFilesReport() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (file, url) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        let asOf = ["--as-of", "2026-11-22"]
        var compared = 0
        for kind in ["stalled", "overdue", "metrics", "portfolio", "changes"] {
            for format in ["table", "json", "csv", "markdown"] {
                for extra in [[], ["--csm", "ana souza"]] {
                    let since = kind == "changes" ? ["--since", "2026-11-08"] : []
                    let args = ["report", kind, "--format", format] + extra + since + asOf
                    let fromFile = try cli.run(args + ["--store", file])
                    let fromTeam = try cli.run(args + ["--store", url])
                    #expect(fromFile.status == 0, "\(args): \(fromFile.err)")
                    #expect(fromTeam.status == fromFile.status, "\(args): \(fromTeam.err)")
                    #expect(fromTeam.out == fromFile.out, "\(args)")
                    compared += fromFile.out.count
                }
            }
        }
        #expect(compared > 100_000)
    }

    /// A past day of a team store is rewound in a copy of its rows, as a file's is in a copy
    /// of the file: every report of that day is the file's, and the board shows it read-only.
    @Test func aPastDayOfATeamStoreIsTheFilesPastDay() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (file, url) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        let day = ["--as-of", "2026-11-20"]
        for kind in ["stalled", "overdue", "metrics", "portfolio"] {
            for format in ["json", "markdown"] {
                let args = ["report", kind, "--format", format] + day
                let fromFile = try cli.run(args + ["--store", file])
                let fromTeam = try cli.run(args + ["--store", url])
                #expect(fromFile.status == 0, "\(args): \(fromFile.err)")
                #expect(fromTeam.status == 0, "\(args): \(fromTeam.err)")
                #expect(fromTeam.out == fromFile.out, "\(args)")
            }
        }
        let live = try cli.run(["report", "portfolio", "--format", "json", "--as-of", "2026-11-22", "--store", url])
        let then = try cli.run(["report", "portfolio", "--format", "json", "--store", url] + day)
        #expect(live.out != then.out)
        let exported = try cli.run(["export", "--store", url]).out
        let t = try Tmux.board(cli, url, asOf: "2026-11-20", user: "lead", waitFor: "showing 2026-11-20 as it was")
        defer { t.stop() }
        #expect(t.shown.contains("[RO]"))
        try t.openFirstAccount()
        try t.keys("!")
        #expect(try t.waitFor("a past day cannot be changed"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        #expect(try cli.run(["export", "--store", url]).out == exported)
    }

    /// Seeding and importing into a team store give what they give on a file; an import the
    /// file refuses changes nothing there either.
    @Test func seedAndImportIntoATeamStoreGiveTheFilesPortfolio() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let file = cli.file("seeded.sqlite")
        let url = try server.newDatabase()
        let seed = ["seed", "--accounts", "30", "--seed", "6", "--as-of", "2026-11-22"]
        #expect(try cli.run(seed + ["--store", file]).status == 0)
        let seeded = try cli.run(seed + ["--store", url])
        #expect(seeded.status == 0, "\(seeded.err)")
        #expect(seeded.out.contains("into postgresql://postgres@127.0.0.1:"))
        #expect(!seeded.out.contains(server.password))
        #expect(try cli.run(["export", "--store", url]).out == cli.run(["export", "--store", file]).out)
        let csv = cli.write(
            "won.csv",
            """
            Account Name,CSM,Segment,ARR,Contract Signed,Target Go-Live,Sales Owner
            Harbor Lights,Ana Souza,enterprise,480000,2026-11-10,2027-01-15,Sam Lee
            Quill & Co,Dana Okafor,smb,12000,2026-11-12,,Sam Lee

            """)
        for store in [file, url] {
            let r = try cli.run(["import", csv, "--store", store, "--as-of", "2026-11-22"])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("imported 2 accounts"))
        }
        for kind in ["portfolio", "overdue"] {
            let args = ["report", kind, "--format", "json", "--as-of", "2026-11-22", "--store"]
            #expect(try cli.run(args + [url]).out == cli.run(args + [file]).out, "\(kind)")
        }
        let before = try cli.run(["export", "--store", url]).out
        let bad = cli.write("bad.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nNew One,Ana,smb,-5,2026-11-10\n")
        let refused = try cli.run(["import", bad, "--store", url, "--as-of", "2026-11-22"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("bad.csv:2"), "\(refused.err)")
        let again = try cli.run(["import", csv, "--store", url, "--as-of", "2026-11-22"])
        #expect(again.status == 1)
        #expect(again.err.contains("already in the store"), "\(again.err)")
        #expect(try cli.run(["export", "--store", url]).out == before)
    }

    @Test(arguments: ["after the user", "as ?password="])
    func thePasswordIsNotInTheProcessList(written: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (_, given) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        let url =
            written == "after the user"
            ? given : given.replacingOccurrences(of: ":\(server.password)@", with: "@") + "?password=\(server.password)"
        let export = cli.file("team.json")
        // An export to a pipe nobody reads yet waits on it, long after it started.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["export", "--store=\(url)"]
        p.environment = ["HOME": cli.home, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Its first bytes out mean it has read its arguments and reached the server.
        let first = out.fileHandleForReading.availableData
        let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(p.processIdentifier)/cmdline"))) ?? Data()
        let cmdline = String(decoding: raw.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
        let exported = first + out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(exported == cli.bytes(export))
        #expect(cmdline.contains("--store=postgresql://postgres"), "\(cmdline)")
        #expect(!cmdline.contains(server.password), "\(cmdline)")
    }
}
