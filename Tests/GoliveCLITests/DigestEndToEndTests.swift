import Foundation
import Testing

/// `golive digest` through the real binary, as cron runs it: no terminal, one CSM or the
/// team, every format; a wrong CSM or day refused in one line.
struct DigestEndToEndTests {
    @Test func aCSMsDigestInEveryFormatFromCron() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let day = ["--store", store, "--as-of", "2026-11-22"]
        let text = try cli.run(["digest", "--csm", "ana souza"] + day)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.hasPrefix("golive digest for Ana Souza, 2026-11-22 (colours since 2026-11-21)\n"))
        #expect(text.out.contains("\nOverdue ("), "\(text.out)")
        #expect(!text.out.contains("Dana Okafor"))
        let markdown = try cli.run(["digest", "--csm", "Ana Souza", "--format", "markdown"] + day)
        #expect(markdown.status == 0)
        #expect(markdown.out.hasPrefix("# golive digest for Ana Souza"))
        #expect(markdown.out.contains("\n## Overdue ("))
        let json = try cli.run(["digest", "--format", "json", "--since", "2026-11-15"] + day)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["since"] as? String == "2026-11-15")
        #expect(object["csm"] is NSNull)
        for key in [
            "turned", "stalled", "touchpoints", "due_today", "overdue", "approvals", "customer_past_sla", "follow_ups",
        ] {
            #expect(object[key] is [Any], "\(key)")
        }
        let team = try #require(object["overdue"] as? [[String: Any]])
        #expect(Set(team.compactMap { $0["csm"] as? String }).count > 1)
    }

    @Test func aDayWhenNothingNeededAnyoneSaysSoAndANewAccountIsNews() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        cli.write("one.csv", "Account Name,CSM,Segment,ARR,Contract Signed\nQuiet Co,Ana,smb,9000,2026-11-22\n")
        let store = cli.file("one.sqlite")
        let imported = try cli.run(["import", cli.file("one.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(imported.out.hasPrefix("imported 1 account into "), "\(imported.out)")
        // The day before it was imported, the portfolio was empty: nothing needed anyone.
        let before = try cli.run(["digest", "--store", store, "--as-of", "2026-11-21"])
        #expect(before.status == 0, "\(before.err)")
        #expect(
            before.out == "golive digest for the whole team, 2026-11-21 (colours since 2026-11-20)\n\n"
                + "nothing needs you today\n")
        // The day it came, it is new and amber (its handoff record is empty), and its welcome is due.
        let after = try cli.run(["digest", "--store", store, "--as-of", "2026-11-22", "--csm", "ana"])
        #expect(after.out.contains("Turned red or amber (1)\n  - Quiet Co: new → amber — handoff record lacks"))
        #expect(after.out.contains("Touchpoints (1)\n  - Quiet Co: welcome with admin — today, email"))
        #expect(!after.out.contains("nothing needs you"))
    }

    @Test(arguments: [
        (["--csm", "Nobody"], "no account has the CSM 'Nobody' (the CSMs: "),
        (["--since", "someday"], "--since 'someday' is not a date"),
        (["--since", "2026-12-01"], "--since 2026-12-01 is after today (2026-11-22)"),
        (["--format", "html"], "unknown format 'html' (expected text, markdown or json)"),
    ])
    func aWrongCSMDayOrFormatIsRefusedInOneLine(arguments: [String], message: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try cli.run(["digest", "--store", store, "--as-of", "2026-11-22"] + arguments)
        #expect(r.status != 0)
        #expect(r.out.isEmpty)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
    }
}
