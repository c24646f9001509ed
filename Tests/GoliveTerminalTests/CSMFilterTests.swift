import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `csm:` in the filter and `m` read a CSM's name the same way: from the start of its words
/// or as a short form, never from the middle of a word, and the header names whom it meant.
@Suite(.serialized)
struct CSMFilterTests {
    /// The seeded board plus accounts of CSMs whose names hold "ana" inside a word.
    func board(user: String = "lee") throws -> (TempDir, Session) {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 30)
        let p = try #require(builtins.playbook(named: "enterprise-high-touch"))
        try store.write { tx in
            var next = try tx.nextID()
            for (name, csm) in [("Okafor Freight", "Dana Okafor"), ("Ruiz Foods", "Anabel Ruiz")] {
                var a = p.apply(
                    to: AccountInfo(
                        name: name, segment: .smb, arr: 20_000, csm: csm, salesOwner: "Sam",
                        contractSigned: Day(iso: "2026-11-01")!, targetGoLive: Day(iso: "2027-01-20")!,
                        handoff: Handoff(goals: "go live", stakeholders: [])),
                    nextID: &next)
                a.lastActivity = today
                try tx.insert(a)
            }
            try tx.setNextID(next)
        }
        return (dir, try session(store, user: user))
    }

    func filter(_ s: Session, _ text: String) {
        s.press(.char("/"), .ctrl("u"))
        s.type(text)
        s.press(.enter)
    }

    func csms(_ s: Session) -> Set<String> { Set(s.state.visible.compactMap { s.state.rows[$0]?.csm }) }

    func header(_ s: Session) -> String { Renderer(glyphs: Glyphs(unicode: true)).render(s.state).lines[0] }

    @Test func csmAnaListsAnaSouzaAndNotDanaOkafor() throws {
        let (_, s) = try board()
        filter(s, "csm:ana")
        #expect(csms(s) == ["Ana Souza"])
        #expect(header(s).contains("filter: csm:ana (Ana Souza)"))
    }

    @Test(arguments: [
        ("csm:asouza", ["Ana Souza"]), ("csm:OKA", ["Dana Okafor"]), ("csm:dana", ["Dana Okafor"]),
        ("csm:ruiz", ["Anabel Ruiz"]), ("csm:bjorn", ["Björn Lindqvist"]),
    ])
    func csmTakesTheShortFormsMTakes(_ text: String, _ expected: [String]) throws {
        let (_, s) = try board()
        filter(s, text)
        #expect(csms(s) == Set(expected), "\(text)")
        #expect(header(s).contains("(\(expected.joined(separator: ", ")))"), "\(header(s))")
    }

    @Test func aStartSharedBySeveralCSMsListsThemAllAndSaysWhom() throws {
        let (_, s) = try board()
        filter(s, "csm:an")
        #expect(csms(s) == ["Ana Souza", "Anabel Ruiz"])
        #expect(header(s).contains("filter: csm:an (Ana Souza, Anabel Ruiz)"))
        // A whole first name is a closer fit than the start of another's.
        filter(s, "csm:ana")
        #expect(csms(s) == ["Ana Souza"])
    }

    @Test func mRefusesAStartSharedBySeveralCSMsNamingThem() throws {
        let (_, s) = try board(user: "an")
        s.press(.char("m"))
        #expect(s.state.visible.isEmpty)
        #expect(s.state.status?.isError == true)
        #expect(s.state.status?.text.hasPrefix("'an' could be Ana Souza or Anabel Ruiz") == true)
    }

    @Test func aCSMNoOneIsListsNothingAndTheHeaderSaysSo() throws {
        let (_, s) = try board()
        filter(s, "csm:na")
        #expect(s.state.visible.isEmpty)
        #expect(header(s).contains("filter: csm:na (no CSM)"))
    }

    @Test(arguments: [("ana", "Ana Souza"), ("dana", "Dana Okafor"), ("oka", "Dana Okafor")])
    func mMeansTheCSMTheFilterWould(_ login: String, _ csm: String) throws {
        let (_, s) = try board(user: login)
        s.press(.char("m"))
        #expect(csms(s) == [csm], "\(login)")
        s.press(.char("m"))
        filter(s, "csm:\(login)")
        #expect(csms(s) == [csm], "\(login)")
    }
}
