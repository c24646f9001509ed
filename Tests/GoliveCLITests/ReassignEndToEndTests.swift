import Foundation
import Testing

/// `golive reassign ACCOUNT CSM [--move-tasks]` through the real binary: the account, and
/// with --move-tasks the old CSM's open internal tasks, in one change and one event.
struct ReassignEndToEndTests {
    static let day = ["--as-of", "2026-11-22", "--user", "crm-bot"]

    /// Lumen Retail as the export has it: its CSM and each task's lane, status and owner.
    func lumen(_ cli: CLI, _ store: String) throws -> (csm: String, tasks: [[String: Any]], events: Int) {
        let out = try cli.run(["export", "--store", store]).out
        let all = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let accounts = try #require(all["accounts"] as? [[String: Any]])
        let a = try #require(accounts.first { $0["name"] as? String == "Lumen Retail" })
        let events = try #require(all["events"] as? [Any])
        return (try #require(a["csm"] as? String), try #require(a["tasks"] as? [[String: Any]]), events.count)
    }

    static func isOpenInternal(_ t: [String: Any], of owner: String) -> Bool {
        t["lane"] as? String == "internal" && t["owner"] as? String == owner
            && !["done", "skipped"].contains(t["status"] as? String ?? "")
    }

    @Test func moveTasksGivesTheNewCSMTheOldCSMsOpenInternalTasksInOneEvent() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try lumen(cli, store)
        let theirs = before.tasks.indices.filter { Self.isOpenInternal(before.tasks[$0], of: before.csm) }
        #expect(theirs.count > 1)
        let r = try cli.run(["reassign", "Lumen Retail", "Dana Okafor", "--move-tasks", "--store", store] + Self.day)
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out.hasPrefix(
                "saved: Lumen Retail · CSM \(before.csm) → Dana Okafor with \(theirs.count) open internal tasks (event "
            ))
        #expect(r.err == "")
        let after = try lumen(cli, store)
        #expect(after.csm == "Dana Okafor" && after.events == before.events + 1)
        for i in before.tasks.indices {
            let owner = theirs.contains(i) ? "Dana Okafor" : before.tasks[i]["owner"] as? String
            #expect(after.tasks[i]["owner"] as? String == owner, "\(after.tasks[i])")
        }
    }

    @Test func withoutMoveTasksOnlyTheAccountChanges() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try lumen(cli, store)
        let theirs = before.tasks.filter { Self.isOpenInternal($0, of: before.csm) }.count
        let r = try cli.run(["reassign", "Lumen Retail", "Dana Okafor", "--store", store] + Self.day)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("saved: Lumen Retail · CSM \(before.csm) → Dana Okafor (event "), "\(r.out)")
        // What stays with the old CSM is said, once, where a script's output is not.
        #expect(r.err == "golive: \(before.csm) keeps \(theirs) open internal tasks (--move-tasks gives them too)\n")
        let after = try lumen(cli, store)
        #expect(after.csm == "Dana Okafor")
        #expect(after.tasks.map { $0["owner"] as? String } == before.tasks.map { $0["owner"] as? String })
    }

    @Test func reassigningToTheSameCSMIsRefusedInOneLineAndChangesNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try cli.run(["export", "--store", store]).out
        let csm = try lumen(cli, store).csm
        let r = try cli.run(["reassign", "Lumen Retail", csm, "--move-tasks", "--store", store] + Self.day)
        #expect(r.status != 0)
        #expect(r.err == "golive: refused: Lumen Retail is already with \(csm) (nothing was changed)\n", "\(r.err)")
        #expect(try cli.run(["export", "--store", store]).out == before)
    }

    @Test func aShortFormOfACSMsNameIsThatCSMNeverANewOne() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try lumen(cli, store)
        #expect(before.csm != "Björn Lindqvist")
        let r = try cli.run(["reassign", "Lumen Retail", "lindq", "--move-tasks", "--store", store] + Self.day)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("saved: Lumen Retail · CSM \(before.csm) → Björn Lindqvist with "), "\(r.out)")
        #expect(try lumen(cli, store).csm == "Björn Lindqvist")
    }

    @Test func aNameThatFitsNoCSMIsRefusedListingThemUnlessNewCSMIsGiven() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try cli.run(["export", "--store", store]).out
        let all = try #require(try JSONSerialization.jsonObject(with: Data(before.utf8)) as? [String: Any])
        let csms = Set(try #require(all["accounts"] as? [[String: Any]]).compactMap { $0["csm"] as? String }).sorted()
        let refused = try cli.run(["reassign", "Lumen Retail", "Ana Lima", "--store", store] + Self.day)
        #expect(refused.status != 0)
        #expect(
            refused.err
                == "golive: no CSM is called 'Ana Lima' (the CSMs: \(csms.joined(separator: ", "))); --new-csm makes one\n",
            "\(refused.err)")
        #expect(try cli.run(["export", "--store", store]).out == before)
        let made = try cli.run(["reassign", "Lumen Retail", "Ana Lima", "--new-csm", "--store", store] + Self.day)
        #expect(made.status == 0, "\(made.err)")
        #expect(try lumen(cli, store).csm == "Ana Lima")
        // Now "ana" fits Ana Lima and Ana Souza alike: neither is guessed.
        let several = try cli.run(["reassign", "Lumen Retail", "ana", "--store", store] + Self.day)
        #expect(several.status != 0)
        #expect(
            several.err == "golive: 'ana' could be Ana Lima or Ana Souza: give more of the name\n", "\(several.err)")
        #expect(try lumen(cli, store).csm == "Ana Lima")
    }
}
