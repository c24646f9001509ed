import Foundation
import GoliveDomain
import GoliveIO
import GoliveTestSupport
import Testing

@testable import GoliveStore
@testable import GoliveTerminal

/// A board on a team store whose server stops answering says so in its header until the
/// server answers again, and then shows what changed meanwhile.
struct TeamStoreOfflineBoardTests {
    let server = PostgresServer.shared

    @Test func aBoardIsMarkedOfflineWhileItsTeamStoreDoesNotAnswer() throws {
        let url = try server.newDatabase()
        let database = PostgresServer.database(of: url)
        let seeding = try Store(path: url, mode: .create)
        try Operations.seed(
            Seeder(accounts: 4, tasksPerAccount: nil, csms: 2, seed: 21, asOf: today, catalog: builtins),
            into: seeding)
        let store = try Store(path: url, mode: .readWrite)
        store.team?.retryAfter = 0.2
        let s = try session(store)
        let renderer = Renderer(glyphs: Glyphs(unicode: true))
        s.poll()
        #expect(!renderer.render(s.state).lines[0].contains("[offline]"))

        try server.refuseConnections(to: database, true)
        try server.cut(database)
        // The board polls each second; the cut is seen at the first poll that reads the socket.
        for _ in 0..<20 where !s.state.offline {
            s.poll()
            usleep(50_000)
        }
        #expect(s.state.offline)
        #expect(renderer.render(s.state).lines[0].hasSuffix(" [offline] "))
        #expect(s.state.status?.text.hasPrefix("offline: the store does not answer") == true)

        // Another machine's change while this board was cut off.
        try server.refuseConnections(to: database, false)
        let other = try Store(path: url, mode: .readWrite)
        let account = try other.accounts()[0]
        try other.perform(.escalate(reason: "sponsor left", to: nil), on: account.id, who: "ana", today: today)
        usleep(300_000)
        s.poll()
        #expect(!s.state.offline)
        #expect(!renderer.render(s.state).lines[0].contains("[offline]"))
        #expect(s.state.status?.text == "the store answers again")
        s.poll()
        #expect(s.state.rows[account.id]?.escalated == true)
    }
}
