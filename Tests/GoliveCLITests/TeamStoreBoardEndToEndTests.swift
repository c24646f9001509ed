import Foundation
import GoliveTestSupport
import Testing

/// Two CSMs on two boards over one team store on PostgreSQL, in tmux: a change in one
/// reaches the other without a key (the server's notification), a stale edit is refused by
/// name, and the stalled review, agenda and metrics read the same as on the file the store
/// came from.
@Suite(.serialized)
struct TeamStoreBoardEndToEndTests {
    let asOf = "--as-of 2026-11-22"

    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    /// The end-to-end portfolio moved to a new team store through `team.json`: its file and
    /// its URL.
    static func teamStore(_ cli: CLI) throws -> (file: String, url: String) {
        let store = try cli.seededStore()
        let export = cli.file("team.json")
        #expect(try cli.run(["export", "--store", store, "--output", export]).status == 0)
        let url = try PostgresServer.shared.newDatabase()
        #expect(try cli.run(["restore", export, "--store", url]).status == 0)
        return (store, url)
    }

    @Test func twoBoardsOnOneTeamStoreSeeEachOthersChangesAndRefuseAStaleEdit() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (_, url) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        // As on a file (SharedReviewEndToEndTests), the news coming from the server.
        let screens = try SharedReviewEndToEndTests.staleEdit(cli: cli, store: url, asOf: asOf)
        #expect(!screens.alice.contains(PostgresServer.shared.password))
        #expect(!screens.bob.contains(PostgresServer.shared.password))
    }

    @Test(arguments: [
        ("2", "stalled accounts"), ("3", "overdue ·"), ("4", "time to first value"), ("5", "accounts changed"),
    ])
    func aLeadScreenOfATeamStoreReadsAsOnTheFile(key: String, shown: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (file, url) = try TeamStoreBoardEndToEndTests.teamStore(cli)
        var screens: [String] = []
        for store in [file, url] {
            let t = try Tmux(cli: cli, width: 100, height: 30, command: "\(CLI.binary) --store '\(store)' \(asOf)")
            defer { t.stop() }
            #expect(try t.waitFor("40 accounts"))
            try t.keys(key)
            #expect(try t.waitFor(shown), "\(t.shown)")
            // A screen's first lines come before the rest ("reading …"): compared once whole.
            let settled = t.waitUntil {
                let now = t.shown
                usleep(300_000)
                return !now.contains("reading") && now == t.shown
            }
            #expect(settled, "\(t.shown)")
            screens.append(try t.screen())
        }
        #expect(screens[0] == screens[1], "\(screens[1])")
    }
}
