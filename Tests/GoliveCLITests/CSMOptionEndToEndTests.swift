import Foundation
import Testing

/// Every `--csm` reads a CSM's name as the board's `csm:` and `m` do: the whole name, a
/// short form, or the starts of its words; one that fits several CSMs is refused naming them.
@Suite(.serialized)
struct CSMOptionEndToEndTests {
    /// A store whose CSMs include two with a word starting "a" (Ana Souza, Fatima Al-Sayed).
    func store(_ cli: CLI) throws -> String {
        let store = cli.file("csms.sqlite")
        let seeded = try cli.run([
            "seed", "--store", store, "--accounts", "30", "--csms", "6", "--seed", "8", "--as-of", "2026-11-22",
        ])
        #expect(seeded.status == 0, "\(seeded.err)")
        return store
    }

    func portfolioCSMs(_ cli: CLI, _ store: String, _ csm: String) throws -> Set<String> {
        let r = try cli.run([
            "report", "portfolio", "--store", store, "--as-of", "2026-11-22", "--format", "json", "--csm", csm,
        ])
        #expect(r.status == 0, "\(csm): \(r.err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        return Set(rows.compactMap { $0["csm"] as? String })
    }

    @Test func everyFormTheBoardTakesNamesTheSameCSM() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try store(cli)
        for form in ["Ana Souza", "ana souza", "ana", "ANA", "asouza", "ana.souza", "sou"] {
            #expect(try portfolioCSMs(cli, store, form) == ["Ana Souza"], "\(form)")
        }
        #expect(try portfolioCSMs(cli, store, "oka") == ["Dana Okafor"])
    }

    @Test func digestAndCalendarTakeTheShortFormsToo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try store(cli)
        let digest = try cli.run(["digest", "--store", store, "--as-of", "2026-11-22", "--csm", "ana"])
        #expect(digest.status == 0 && digest.out.hasPrefix("golive digest for Ana Souza"), "\(digest.err)")
        let file = cli.file("ana.ics")
        let calendar = try cli.run([
            "calendar", "--store", store, "--as-of", "2026-11-22", "--csm", "asouza", "--output", file,
        ])
        #expect(calendar.status == 0, "\(calendar.err)")
        #expect(FileManager.default.fileExists(atPath: file))
    }

    @Test(arguments: ["report", "digest", "calendar"])
    func aNameThatFitsSeveralCSMsIsRefusedNamingThem(_ command: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try store(cli)
        let args = command == "report" ? ["report", "portfolio"] : [command]
        let output = cli.file("a.ics")
        let extra = command == "calendar" ? ["--output", output] : []
        let r = try cli.run(args + ["--store", store, "--csm", "a"] + extra)
        #expect(r.status != 0)
        #expect(r.err == "golive: 'a' could be Ana Souza or Fatima Al-Sayed: give more of the name\n", "\(r.err)")
        #expect(r.out.isEmpty && !FileManager.default.fileExists(atPath: output))
    }

    @Test func theMiddleOfANameFitsNoCSM() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try store(cli)
        let r = try cli.run(["report", "portfolio", "--store", store, "--csm", "na"])
        #expect(r.status != 0 && r.err.hasPrefix("golive: no account has the CSM 'na' (the CSMs: "), "\(r.err)")
    }
}
