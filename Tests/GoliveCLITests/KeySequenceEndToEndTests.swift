import Foundation
import Testing

/// Issue 37: under `TERM=xterm-256color` inside tmux, End and Home arrive as sequences that
/// entry does not name (`ESC [ 4 ~`, `ESC [ 1 ~`), and Alt+2 as ESC 2. Sent as those bytes to
/// the real binary, each is its key or nothing: never Esc and then letters acting as keys.
@Suite(.serialized)
struct KeySequenceEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    static let end = ["1b", "5b", "34", "7e"]
    static let home = ["1b", "5b", "31", "7e"]
    static let alt2 = ["1b", "32"]

    /// golive on a seeded store as an xterm-256color user inside tmux sees it.
    func started(_ cli: CLI) throws -> (Tmux, String) {
        let store = try cli.seededStore()
        let command = "env TERM=xterm-256color \(CLI.binary) --store \(store) --as-of 2026-11-22 --user tester"
        let t = try Tmux(cli: cli, width: 100, height: 30, command: command)
        try #require(try t.waitFor("accounts ("), "board did not appear:\n\(t.shown)")
        return (t, store)
    }

    func bytes(_ t: Tmux, _ hex: [String]) throws { try t.tmux(["send-keys", "-t", "app", "-H"] + hex) }

    @Test func endInTheFilterKeepsTheFilterAndWhatWasTyped() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (t, _) = try started(cli)
        defer { t.stop() }
        try t.type("/abc")
        #expect(try t.waitFor("filter: abc"), "\(t.shown)")
        try bytes(t, Self.end)
        // A letter after it shows the sequence was read: it lands in the same answer.
        try t.type("d")
        #expect(try t.waitFor("filter: abcd"), "End cancelled the filter:\n\(t.shown)")
        #expect(!(try t.screen()).contains("Metrics"), "\(t.shown)")
    }

    @Test func homeOnAnAccountStaysOnTheAccount() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (t, _) = try started(cli)
        defer { t.stop() }
        try t.keys("Enter")
        #expect(try t.waitFor("Approvals ("), "\(t.shown)")
        try bytes(t, Self.home)
        // H opens the history from an account only: the board would not show it.
        try t.type("H")
        #expect(try t.waitFor("History — "), "Home left the account:\n\(t.shown)")
    }

    @Test func altTwoInAnEscalationReasonKeepsTheQuestionAndItsText() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let (t, store) = try started(cli)
        defer { t.stop() }
        let before = try cli.run(["export", "--store", store]).out
        try t.keys("Enter")
        #expect(try t.waitFor("Approvals ("), "\(t.shown)")
        try t.type("!")
        #expect(try t.waitFor("— reason: "), "\(t.shown)")
        try t.type("no sponsor")
        try bytes(t, Self.alt2)
        try t.type(" yet")
        #expect(try t.waitFor("reason: no sponsor yet"), "Alt+2 left the question:\n\(t.shown)")
        #expect(!(try t.screen()).contains("Stalled"), "\(t.shown)")
        try t.keys("Escape")
        #expect(try t.waitFor("cancelled"), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running }, "did not quit")
        #expect(try cli.run(["export", "--store", store]).out == before)
    }
}
