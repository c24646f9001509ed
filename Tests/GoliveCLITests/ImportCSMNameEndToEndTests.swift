import Foundation
import Testing

/// `golive import` reads a CSM as `--csm` does: a short form of a CSM in the store is that
/// CSM, never a second CSM of the short form.
struct ImportCSMNameEndToEndTests {
    static let header = "Account Name,CSM Owner,Segment,ARR,Contract Signed,Target Go-Live\n"

    /// A store whose CSMs are Ana Souza and Anabel Ruiz.
    func store(_ cli: CLI) throws -> String {
        let store = cli.file("p.sqlite")
        cli.write(
            "team.csv",
            Self.header + "Acme,Ana Souza,enterprise,120000,2026-11-01,2027-01-15\n"
                + "Beta,Anabel Ruiz,smb,5000,2026-11-10,\n")
        let r = try cli.run(["import", cli.file("team.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.err)")
        return store
    }

    func csms(_ cli: CLI, _ store: String) throws -> [String: String] {
        let out = try cli.run(["export", "--store", store]).out
        let all = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let accounts = try #require(all["accounts"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: accounts.compactMap { a in
                (a["name"] as? String).flatMap { n in (a["csm"] as? String).map { (n, $0) } }
            })
    }

    @Test func aShortFormOfACSMInTheStoreIsThatCSMAndTheDryRunSaysSo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try store(cli)
        cli.write(
            "more.csv",
            Self.header + "Gamma,ana,smb,8000,2026-11-12,\nDelta,Lin Qi,smb,9000,2026-11-12,\n")
        let dry = try cli.run(["import", cli.file("more.csv"), "--store", store, "--dry-run", "--as-of", "2026-11-22"])
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("CSM Ana Souza, playbook"), "\(dry.out)")
        #expect(dry.out.contains("\n    CSM 'ana' read as Ana Souza\n"), "\(dry.out)")
        #expect(!dry.out.contains("read as Lin Qi"), "\(dry.out)")
        let r = try cli.run(["import", cli.file("more.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.err)")
        let csms = try csms(cli, store)
        #expect(csms["Gamma"] == "Ana Souza")
        // A name that fits no CSM is a new one, as written.
        #expect(csms["Delta"] == "Lin Qi")
    }

    @Test func aNameThatFitsSeveralCSMsIsRefusedWithItsLineAndColumn() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try store(cli)
        let before = cli.bytes(store)
        cli.write("some.csv", Self.header + "Gamma,Lin Qi,smb,8000,2026-11-12,\nDelta,an,smb,9000,2026-11-12,\n")
        let r = try cli.run(["import", cli.file("some.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(r.status == 1)
        #expect(
            r.err
                == "golive: \(cli.file("some.csv")):3: column 'CSM Owner': 'an' could be Ana Souza or Anabel Ruiz: give more of the name\n",
            "\(r.err)")
        #expect(cli.bytes(store) == before)
    }
}
