import Foundation
import Testing

/// Keys that could damage data unseen, typed through the real binary in tmux.
@Suite(.serialized)
struct SafeKeysEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    /// Seen in a first-use test: `b` on an approval is refused, and the user, expecting a
    /// reason prompt, types "legal" and Enter. None of it may run as commands.
    @Test func typingAfterARefusedBlockOnAnApprovalChangesNothing() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = try cli.run(["export", "--store", store]).out
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of 2026-11-22 --user tester")
        defer { t.stop() }
        #expect(try t.waitFor("accounts ("), "board did not appear:\n\(t.shown)")
        try t.keys("Enter")
        #expect(try t.waitFor("Approvals ("), "\(t.shown)")
        try t.keys("Tab", "Tab", "b")
        try t.type("legal")
        try t.keys("Enter")
        #expect(try t.waitFor("nothing was changed"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running }, "did not quit")
        #expect(try cli.run(["export", "--store", store]).out == before)
    }
}
