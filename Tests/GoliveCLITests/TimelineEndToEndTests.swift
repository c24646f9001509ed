import Foundation
import Testing

/// The account's timeline through the real binary in tmux, as a user meets it: opened with
/// `L`, scrolled, switched between days and weeks, resized, left with Esc.
@Suite(.serialized)
struct TimelineEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    @Test func theTimelineOpensScrollsSwitchesScaleSurvivesAResizeAndGoesBack() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux.board(cli, store)
        defer { t.stop() }
        try t.openFirstAccount()
        try t.keys("L")
        #expect(try t.waitFor("Timeline — "), "\(t.shown)")
        #expect(try t.waitFor("today 2026-11-22"), "\(t.shown)")
        // z switches the scale the header names.
        let byDay = try t.screen().split(separator: "\n")[0].contains("by day")
        try t.keys("z")
        #expect(try t.waitFor(byDay ? "· by week" : "· by day"), "\(t.shown)")
        // At the plan's end a further step says so.
        try t.keys("$", "Right")
        #expect(try t.waitFor("the plan ends 20"), "\(t.shown)")
        try t.keys("0", "Left")
        #expect(try t.waitFor("the plan starts 20"), "\(t.shown)")
        try t.resize(80, 24)
        #expect(try t.waitFor("today 2026-11-22"), "\(t.shown)")
        #expect(try t.screen().split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(t.shown)")
        try t.keys("Escape")
        #expect(try t.waitFor("Internal ("), "\(t.shown)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
    }
}
