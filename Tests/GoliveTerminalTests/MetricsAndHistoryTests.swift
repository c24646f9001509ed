import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

@Suite(.serialized)
struct MetricsAndHistoryTests {
    @Test func theMetricsScreenShowsTheReportsFigures() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 60)
        let s = try session(store, width: 140, height: 60)
        // Reading every account takes seconds at scale: a frame says so before the wait.
        var whileWaiting = ""
        s.willWait = { whileWaiting = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text }
        s.press(.char("4"))
        #expect(whileWaiting.contains("Metrics") && whileWaiting.contains("adding up the metrics…"))
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(!screen.contains("adding up the metrics…"))
        let report = Reports(accounts: try store.accounts(), everEscalated: try store.everEscalated(), today: today)
            .metrics()
        #expect(screen.contains(Reports.spread(report.team.timeToFirstValue) + " d"))
        #expect(screen.contains(Reports.spread(report.team.timeToGoLive) + " d"))
        for r in [report.team.onTimeGoLive, report.team.customerTaskOnTime, report.team.escalation] {
            #expect(screen.contains("(\(r.part) of \(r.whole))") && screen.contains(r.percent))
        }
        for m in report.byCsm { #expect(screen.contains(m.group)) }
        // Every line of it, scrolled or not: per segment and per playbook too, with the
        // report's figures.
        let lines = Renderer(glyphs: Glyphs(unicode: true)).metricLines(s.state).map(\.text)
        for (title, groups) in [("Per segment", report.bySegment), ("Per playbook", report.byPlaybook)] {
            let start = try #require(lines.firstIndex(of: title), "no \(title)")
            for m in groups {
                let name = Segment(rawValue: m.group)?.title ?? m.group
                let line = lines[start...].first { $0.hasPrefix("   " + name + " ") }
                #expect(
                    line?.contains(Reports.spread(m.timeToFirstValue)) == true, "\(title) \(name): \(line ?? "none")")
            }
        }
        for r in [report.team.firstValueOnTarget, report.team.milestonesOnTime, report.team.completion] {
            #expect(lines.contains { $0.contains("(\(r.part) of \(r.whole))") })
        }
        #expect(screen.contains("go-lives per week"))
    }

    @Test func hShowsTheAccountsHistoryNewestFirst() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir))
        s.open("Zürich")
        s.select("Send welcome pack")
        s.press(.char("x"))
        s.press(.char("n"))
        s.type("second")
        s.press(.enter)
        s.press(.char("H"))
        #expect(s.state.screen == .history(s.state.focus!.accountID) || s.state.history.count == 2)
        #expect(s.state.history.map(\.kind) == ["note", "task.status"])
        let screen = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text
        #expect(
            screen.contains("lee") && screen.contains("note: second")
                && screen.contains("'Send welcome pack' open → done"))
        s.press(.char("q"))
        #expect(s.state.currentAccount?.name == "Zürich Re 東京")
    }
}

/// Off the key path (as in the terminal): the figures come later, keys are answered now.
@Suite(.serialized)
struct SlowReadTests {
    @Test func keysAreAnsweredWhileTheMetricsAreAddedUpAndTheFiguresArriveAfter() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 60)
        let s = try session(store, width: 140, height: 60)
        s.offKeyPath = true
        s.press(.char("4"))
        #expect(s.state.screen == .metrics)
        #expect(s.state.status?.text == "adding up the metrics…")
        // Esc leaves at once, whatever the read is doing.
        s.press(.escape)
        #expect(s.state.screen == .board)
        s.press(.char("4"))
        let deadline = Date().addingTimeInterval(20)
        while s.isReading && Date() < deadline {
            s.collect()
            usleep(10_000)
        }
        s.collect()
        let report = Reports(accounts: try store.accounts(), everEscalated: try store.everEscalated(), today: today)
            .metrics()
        #expect(s.state.metrics?.team == report.team)
        #expect(s.state.status == nil)
    }

    @Test func theChangesScreenReadsOffTheKeyPathToo() throws {
        let dir = TempDir()
        let s = try session(try makeStore(dir, seeded: 30))
        s.offKeyPath = true
        s.press(.char("5"))
        #expect(s.state.status?.text == "reading what changed…")
        let deadline = Date().addingTimeInterval(20)
        while s.isReading && Date() < deadline { usleep(10_000) }
        s.collect()
        #expect(!s.state.changes.isEmpty && s.state.status == nil)
    }
}
