import Foundation
import GoliveDomain
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// `m` for a real login: the CSM a login stands for, and words when it stands for none.
@Suite(.serialized)
struct MyAccountsTests {
    @Test(arguments: [
        ("Ana Souza", "Ana Souza", "showing Ana Souza's accounts"),
        ("ana souza", "Ana Souza", "showing Ana Souza's accounts"),
        ("asouza", "Ana Souza", "showing Ana Souza's accounts (the CSM your login 'asouza' stands for)"),
        ("ana.souza", "Ana Souza", "showing Ana Souza's accounts (the CSM your login 'ana.souza' stands for)"),
        ("souza", "Ana Souza", "showing Ana Souza's accounts (the CSM your login 'souza' stands for)"),
        ("bjorn", "Björn Lindqvist", "showing Björn Lindqvist's accounts (the CSM your login 'bjorn' stands for)"),
    ])
    func aLoginFindsTheCSMItStandsFor(_ login: String, _ csm: String, _ said: String) throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), user: login)
        s.press(.char("m"))
        #expect(s.state.status == StatusLine(text: said, isError: false))
        #expect(!s.state.visible.isEmpty)
        #expect(s.state.visible.allSatisfy { s.state.rows[$0]?.csm == csm })
    }

    @Test func aLoginThatStandsForNoCSMSaysSoAndHowToFixIt() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30), user: "zz9")
        s.press(.char("m"))
        #expect(
            s.state.status
                == StatusLine(
                    text: "no CSM is named like 'zz9': set `user: NAME` in config.yaml or pass --user", isError: true))
        #expect(s.state.visible.isEmpty)
    }
}
