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
        s.willWait = { [unowned s] in whileWaiting = Renderer(glyphs: Glyphs(unicode: true)).render(s.state).text }
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
        // Every line of it, scrolled or not: every CSM, per segment and per playbook too,
        // with the report's figures.
        let lines = Renderer(glyphs: Glyphs(unicode: true)).metricLines(s.state).map(\.text)
        for m in report.byCsm { #expect(lines.contains { $0.contains(m.group) }, "\(m.group)") }
        for m in report.team.milestones {
            let line = lines.first { $0.hasPrefix("     " + m.name.prefix(12)) }
            #expect(line?.contains("(\(m.onTime.part) of \(m.onTime.whole))") == true, "\(m.name): \(line ?? "none")")
        }
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

    /// The metrics screen shown again after other users' saves, and kept up to date while
    /// it is shown, reads only the accounts their events name, and its figures are those a
    /// fresh read gives. An account added elsewhere makes it read everything.
    @Test func aRevisitReadsOnlyTheChangedAccountsAndShowsWhatAFreshReadShows() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 60)
        let s = try session(store, width: 140, height: 60)
        s.press(.char("4"))
        let count = try store.accountCount()
        #expect(s.metricFacts.lastRead == count && count >= 60)
        // The figures as JSON: the report compares by what it says.
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        func shown() throws -> Data { try json.encode(s.state.metrics) }
        func fresh() throws -> Data {
            try json.encode(
                Reports(
                    metricFacts: try store.metricFacts(), everEscalated: try store.everEscalated(),
                    resolveDays: try store.escalationResolveDays(), today: today
                ).metrics())
        }
        #expect(try shown() == fresh())
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let active = try other.accounts().filter(\.isActive)
        let task = try #require(active[0].tasks.first { $0.isOpen && $0.lane == .customer })
        try other.perform(
            .setTaskStatus(task: task.id, to: .done, reason: nil), on: active[0].id, who: "dana", today: today)
        try other.perform(.escalate(reason: "sponsor left"), on: active[1].id, who: "dana", today: today)
        // Shown: the poll that sees the commits refreshes it.
        #expect(s.poll(now: Date()))
        #expect(s.metricFacts.lastRead == 2)
        #expect(try shown() == fresh())
        // Left and shown again after more saves.
        s.press(.char("1"))
        try other.perform(.setTaskDue(task: task.id, due: today + 30), on: active[0].id, who: "dana", today: today)
        s.press(.char("4"))
        #expect(s.metricFacts.lastRead == 1)
        #expect(try shown() == fresh())
        // An account from elsewhere: everything read again.
        let csv = Data("account name,csm,segment,arr,contract signed\nNew Co,lee,smb,1000,2026-11-01\n".utf8)
        _ = try Operations.importAccounts(
            CSVImport.parse(csv, file: "new.csv"), file: "new.csv", catalog: builtins, playbook: nil, into: other,
            who: "dana")
        s.press(.char("1"), .char("4"))
        #expect(s.metricFacts.lastRead == count + 1)
        #expect(try shown() == fresh())
    }

    /// Read ahead while the board is left alone, the metrics' first visit reads only what
    /// changed since, and shows what a fresh read shows.
    @Test func aFirstVisitAfterReadingAheadReadsOnlyWhatChangedSince() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        let s = try session(store, width: 140, height: 60)
        s.readAhead()
        let count = try store.accountCount()
        #expect(s.metricFacts.lastRead == count && count >= 40)
        let other = try Store(path: dir.file("s.sqlite"), mode: .readWrite)
        let id = try #require(try other.accounts().first(where: \.isActive)?.id)
        try other.perform(.escalate(reason: "sponsor left"), on: id, who: "dana", today: today)
        // Once: a second call reads nothing.
        s.readAhead()
        #expect(s.metricFacts.lastRead == count)
        s.press(.char("4"))
        #expect(s.metricFacts.lastRead == 1)
        let fresh = Reports(
            metricFacts: try store.metricFacts(), everEscalated: try store.everEscalated(),
            resolveDays: try store.escalationResolveDays(), today: today
        ).metrics()
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        #expect(try json.encode(s.state.metrics) == json.encode(fresh))
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
        while s.isWaitingOffKeyPath && Date() < deadline {
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
        while s.isWaitingOffKeyPath && Date() < deadline { usleep(10_000) }
        s.collect()
        #expect(!s.state.changes.isEmpty && s.state.status == nil)
    }
}
