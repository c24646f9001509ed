import Foundation
import Testing

/// The question line through the real binary at 80×24: a prefilled answer is replaced by
/// typing, the arrows edit it, the day a date means stays in view, and `@` shows a message
/// whole.
@Suite(.serialized)
struct PromptFieldEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    @Test func aPrefilledAnswerIsReplacedByTypingAndEditedWithTheArrows() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux(cli: cli, width: 80, height: 24, command: "\(CLI.binary) --store \(store) --as-of 2026-11-22")
        defer { t.stop() }
        #expect(try t.waitFor(" accounts"), "\(t.shown)")
        try t.openFirstAccount()
        try t.keys("d")
        try t.type("fri")
        // 2026-11-22 is a Sunday: the next Friday is 11-27, said beside the answer.
        #expect(try t.waitFor("fri▏ = 2026-11-27 Fri"), "\(t.shown)")
        try t.keys("Escape", "e", "Left")
        try t.type(">>")
        #expect(try t.waitFor(": >>▏"), "\(t.shown)")
        try t.keys("Right", "BSpace")
        try t.type("|")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: renamed '"), "\(t.shown)")
        #expect(t.shown.contains("'>>|"), "\(t.shown)")
        try t.keys("@")
        #expect(try t.waitFor("messages, newest first"), "\(t.shown)")
        try t.keys("Escape")
        #expect(try t.waitFor("Internal ("), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
    }
}
