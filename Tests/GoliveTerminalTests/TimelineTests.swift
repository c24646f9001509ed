import Foundation
import GoliveDomain
import GoliveIO
import GoliveTestSupport
import Testing

@testable import GoliveTerminal

/// The account's timeline (`L`): what its bars say, and its keys. On 2026-11-22 Acme's
/// 'Sales-to-CS handoff meeting' is a month overdue with work waiting on it, so the plan
/// slips to the go-live.
struct TimelineTests {
    /// A session with Acme open, `L` pressed.
    func acmeTimeline(width: Int = 80, height: Int = 24, keys: KeyTable = .defaults) throws -> (TempDir, Session) {
        let dir = TempDir()
        let store = try makeStore(dir)
        let s = Session(
            store: store,
            state: AppState(
                try Session.snapshot(store, user: "lee"), today: today, user: "lee", width: width, height: height,
                keys: keys))
        s.open("Acme")
        s.press(keys.keys(for: .timeline).first ?? .char("L"))
        return (dir, s)
    }

    func screen(_ s: Session, unicode: Bool = true) -> String {
        Renderer(glyphs: Glyphs(unicode: unicode)).render(s.state).text
    }

    func frame(_ s: Session) throws -> (Timeline, TimelineFrame, start: Day) {
        guard case .timeline(let id) = s.state.screen else { throw Failure("not on a timeline") }
        let a = try #require(s.state.accounts[id])
        let t = Timeline(a, asOf: today)
        let f = TimelineFrame(t, width: s.state.width, scale: s.state.timelineScale)
        return (t, f, f.start(s.state.timelineStart, in: t, today: today))
    }

    struct Failure: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    @Test func theBarsCarryTheScheduleForecastSlipAndCriticalPath() throws {
        let (_, s) = try acmeTimeline()
        let a = try #require(s.state.accounts.values.first { $0.name.hasPrefix("Acme") })
        let plan = a.schedule(asOf: today)
        let t = Timeline(a, asOf: today)
        #expect(t.groups.map(\.title) == ["Checkpoints", "Internal", "Customer", "Approvals"])
        // Every checkpoint, and only the open tasks.
        #expect(t.bars.count == a.checkpoints.count + a.tasks.filter(\.isOpen).count)
        let late = try #require(t.bars.first { $0.name == "Sales-to-CS handoff meeting" })
        #expect(late.due == Day(iso: "2026-10-22"))
        #expect(late.forecast == today)
        #expect(late.slip == 31)
        #expect(late.critical)
        // What waits on it starts the day after it is due, and slips with it.
        let waiting = try #require(t.bars.first { $0.name == "Record goals, requirements and promises" })
        #expect(waiting.start == Day(iso: "2026-10-23"))
        #expect(waiting.slip > 0)
        let goLive = try #require(t.bars.first { $0.name == "Go-live" })
        #expect(goLive.forecast == plan.goLiveForecast)
        #expect(goLive.critical)
        #expect(t.goLiveForecast == plan.goLiveForecast)
        // The root of the go-live's critical path is the late task.
        let goLiveCheckpoint = try #require(a.checkpoints.first { $0.milestone == .goLive })
        let root = try #require(plan.criticalPath(from: .checkpoint(goLiveCheckpoint.id)).last)
        #expect(t.root.map { t.bars[$0].item } == root)
        #expect(t.first == a.tasks.filter(\.isOpen).map(\.due).min())
        #expect(t.last >= plan.goLiveForecast)
    }

    @Test func onceLiveTheCriticalPathLeadsToTheLastCheckpointAhead() throws {
        let dir = TempDir()
        let live = try makeStore(dir, seeded: 40).accounts().first { a in
            a.checkpoints.contains { $0.milestone == .goLive && $0.isAchieved }
                && a.checkpoints.contains { !$0.isAchieved }
        }
        let a = try #require(live, "no seeded account live with a checkpoint ahead")
        let t = Timeline(a, asOf: today)
        let ahead = try #require(a.checkpoints.last { !$0.isAchieved })
        #expect(t.pathTo == ahead.name)
        #expect(t.liveSince != nil)
        let end = try #require(t.bars.first { $0.name == ahead.name })
        #expect(end.critical)
        #expect(!(t.bars.first { $0.name == "Go-live" }?.critical ?? true))
    }

    @Test func aPlanWithoutAGoLiveCheckpointShowsItsTargetGoLive() throws {
        let p = try #require(builtins.playbook(named: "enterprise-high-touch"))
        var next: Int64 = 1
        var a = p.apply(
            to: AccountInfo(
                name: "No Go-live Co", segment: .enterprise, arr: 1, csm: "lee", salesOwner: "Sam",
                contractSigned: Day(iso: "2026-10-20")!, targetGoLive: Day(iso: "2026-12-20")!),
            nextID: &next)
        a.checkpoints.removeAll { $0.milestone == .goLive }
        a.goLivePlan = Replan(baseline: Day(iso: "2026-12-10")!, moves: 1)
        let t = Timeline(a, asOf: today)
        let target = try #require(t.groups[0].bars.last)
        guard case .target = target.subject else {
            Issue.record("the checkpoints end with \(target.name), not the target go-live")
            return
        }
        #expect(target.due == Day(iso: "2026-12-20"))
        #expect(target.baseline == Day(iso: "2026-12-10"))
        #expect(target.forecast == a.schedule(asOf: today).goLiveForecast)
        #expect(
            Renderer(glyphs: Glyphs(unicode: true)).timelineWords(
                target, a, isRoot: false, pathTo: t.pathTo, shortDates: false
            ).hasPrefix("target go-live 2026-12-20 · forecast "))
    }

    @Test func aMovedGoLiveKeepsItsFirstPlanOnTheTimeline() throws {
        let (_, s) = try acmeTimeline()
        s.press(.char("q"), .char("T"), .ctrl("u"))
        s.type("2026-12-27")
        s.press(.enter)
        s.type("customer holidays")
        s.press(.enter, .char("L"))
        let (t, _, _) = try frame(s)
        let goLive = try #require(t.bars.first { $0.name == "Go-live" })
        #expect(goLive.due == Day(iso: "2026-12-27"))
        #expect(goLive.baseline == Day(iso: "2026-12-20"))
        s.send(.resize(width: 200, height: 60))
        #expect(screen(s).contains("first planned 2026-12-20"))
    }

    @Test func lOpensTheTimelineAndQOrEscGoesBackToTheAccount() throws {
        let (_, s) = try acmeTimeline()
        guard case .timeline(let id) = s.state.screen else {
            Issue.record("L did not open the timeline: \(s.state.screen)")
            return
        }
        #expect(screen(s).contains("Timeline — Acme"))
        // i tells every reason over it; Esc closes that first.
        s.press(.char("i"))
        #expect(s.state.whyAccount == id)
        s.press(.escape)
        #expect(s.state.whyAccount == nil && s.state.screen == .timeline(id))
        s.press(.char("q"))
        #expect(s.state.screen == .account(id))
        s.press(.char("L"), .escape)
        #expect(s.state.screen == .account(id))
        // Back on the account, its keys work again.
        s.press(.char("t"))
        #expect(s.state.screen == .touchpoints(id))
    }

    @Test func itOpensOnTheRootOfTheGoLivesCriticalPathSaidInWords() throws {
        let (_, s) = try acmeTimeline()
        let (t, _, _) = try frame(s)
        #expect(t.bars[s.state.timelineIndex].name == "Sales-to-CS handoff meeting")
        let detail = screen(s).split(separator: "\n")[22]
        #expect(detail.contains("'Sales-to-CS handoff meeting' · due 10-22 · forecast 11-22, 31 days late"))
    }

    @Test func namesAndTitlesWithEscapeSequencesAreShownInertOnTheTimeline() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let p = try #require(builtins.playbook(named: "enterprise-high-touch"))
        try store.write { tx in
            var next = try tx.nextID()
            var a = p.apply(
                to: AccountInfo(
                    name: "Evil\u{1B}[2J Co", segment: .enterprise, arr: 1, csm: "lee", salesOwner: "Sam",
                    contractSigned: Day(iso: "2026-10-20")!, targetGoLive: Day(iso: "2026-12-20")!),
                nextID: &next)
            for i in a.tasks.indices { a.tasks[i].title = "Evil\u{1B}]52;c;eA==\u{07} \(a.tasks[i].title)" }
            a.lastActivity = today
            try tx.insert(a)
            try tx.setNextID(next)
        }
        let s = try session(store, width: 80, height: 24)
        s.open("Evil")
        s.press(.char("L"))
        for unicode in [true, false] {
            let canvas = Renderer(glyphs: Glyphs(unicode: unicode)).render(s.state)
            // In the header, the labels and the bar below: never a control character.
            #expect(canvas.lines[0].contains("Evil"))
            #expect(canvas.lines[22].contains("Evil"))
            #expect(canvas.lines.filter { $0.contains("[ ] Evil") }.count > 3)
            #expect(!canvas.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        }
    }

    @Test func upAndDownMoveTheSelectionAndTheLanesScrollIntoView() throws {
        let (_, s) = try acmeTimeline()
        #expect(!screen(s).contains("Onboarding close-out"))
        s.press(.char("G"))
        let (t, _, _) = try frame(s)
        #expect(s.state.timelineIndex == t.bars.count - 1)
        #expect(screen(s).contains("Onboarding close-out"))
        #expect(screen(s).contains("Approvals · 4 open"))
        s.press(.char("g"))
        #expect(s.state.timelineIndex == 0)
        #expect(screen(s).contains("Checkpoints"))
        s.press(.down, .char("j"), .up)
        #expect(s.state.timelineIndex == 1)
    }

    @Test func theRowsScrollOnlyAsFarAsTheSelectionNeeds() throws {
        let (_, s) = try acmeTimeline()
        s.press(.char("G"))
        let bottom = screen(s).split(separator: "\n")
        // Up a row: the selection moves, the rows stay where they are.
        s.press(.up)
        #expect(screen(s).split(separator: "\n")[3] == bottom[3])
        // Up past the top line: one line at a time, the group's title with its first bar.
        for _ in 0..<40 { s.press(.up) }
        #expect(screen(s).split(separator: "\n")[3].hasPrefix(" Checkpoints"))
    }

    @Test func theScaleIsWeeksWhenThePlanDoesNotFitByDayAndZSwitchesIt() throws {
        let (_, narrow) = try acmeTimeline(width: 80)
        #expect(try frame(narrow).1.scale == .weeks)
        #expect(screen(narrow).contains("by week"))
        narrow.press(.char("z"))
        #expect(try frame(narrow).1.scale == .days)
        #expect(screen(narrow).split(separator: "\n")[0].contains("by day"))
        // By day the plan does not fit: today is in view, a quarter of the chart in.
        let (_, byDay, dayStart) = try frame(narrow)
        #expect(byDay.column(of: today, from: dayStart) == byDay.daysInView / 4)
        let (_, wide) = try acmeTimeline(width: 200, height: 60)
        #expect(try frame(wide).1.scale == .days)
        // By day at 200 columns, the whole plan is in view.
        let (t, f, start) = try frame(wide)
        #expect(start == t.first && f.column(of: t.last, from: start) < f.chartWidth)
    }

    @Test func aShortPlanOnAWideScreenTakesMoreThanAColumnADay() throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        // One with a task neither late nor on the critical path (its bar is its plan alone),
        // and a checkpoint that slips.
        func planned(_ b: Timeline.Bar) -> Bool {
            guard case .task = b.subject else { return false }
            return b.slip == 0 && !b.critical
        }
        let short = try store.accounts().first { a in
            let t = Timeline(a, asOf: today)
            return TimelineFrame(t, width: 200, scale: nil).perWeek > 7 && t.bars.contains(where: planned)
                && t.bars.contains { !$0.isTask && $0.slip > 0 }
        }
        let a = try #require(short, "no seeded plan short enough")
        let s = try session(store, width: 200, height: 60)
        s.open(a.name)
        s.press(.char("L"))
        let (t, f, start) = try frame(s)
        #expect(f.scale == .days)
        // The whole plan in view, over more than half of the chart.
        #expect(start == t.first)
        #expect(f.column(of: t.last, from: start) < f.chartWidth)
        #expect(f.column(of: t.last, from: start) >= f.chartWidth / 2)
        // A task's bar is as many columns a day as the scale gives: from its first day to
        // the last column of its due date.
        let canvas = Renderer(glyphs: Glyphs(unicode: true)).render(s.state)
        let bar = try #require(t.bars.first(where: planned))
        let y = try #require(canvas.lines.firstIndex { $0.contains(bar.name) })
        let columns = f.column(of: bar.start, from: start)..<f.column(of: bar.due + 1, from: start)
        #expect(columns.count == (bar.due - bar.start + 1) * f.perWeek / 7)
        for x in columns { #expect(canvas[f.chartX + x, y].text == "━") }
        #expect(canvas[f.chartX + columns.upperBound, y].text != "━")
        // A checkpoint is one mark, on its day's first column.
        let checkpoint = try #require(t.bars.first { !$0.isTask && $0.slip > 0 })
        let x = f.chartX + f.column(of: checkpoint.isAchieved ? checkpoint.forecast : checkpoint.due, from: start)
        let row = try #require(canvas.lines.firstIndex { $0.contains(checkpoint.name) })
        #expect(canvas[x, row].text != " ")
        // Its slip starts right after the mark, without a gap.
        #expect(canvas[x + 1, row].text == "░")
    }

    @Test func arrowsAndHLScrollSidewaysAWeekByDay() throws {
        let (_, s) = try acmeTimeline()
        s.press(.char("z"))
        let before = try frame(s).start
        s.press(.right)
        #expect(try frame(s).start == before + 7)
        s.press(.char("l"))
        #expect(try frame(s).start == before + 14)
        s.press(.left, .char("h"))
        #expect(try frame(s).start == before)
    }

    @Test func sidewaysScrollingStopsAtThePlansFirstAndLastDay() throws {
        let (_, s) = try acmeTimeline()
        s.press(.char("z"))
        let (t, f, _) = try frame(s)
        for _ in 0..<30 { s.press(.left) }
        #expect(try frame(s).start == t.first)
        #expect(s.state.status?.text == "the plan starts \(t.first.iso)")
        for _ in 0..<30 { s.press(.right) }
        let end = try frame(s).start
        // The plan's last day is the chart's last column, no further.
        #expect(f.column(of: t.last, from: end) == f.chartWidth - 1)
        #expect(s.state.status?.text == "the plan ends \(t.last.iso)")
        s.press(.char("0"))
        #expect(try frame(s).start == t.first)
        s.press(.char("$"))
        #expect(try frame(s).start == end)
        // Today comes back into view, a quarter of the chart in.
        s.press(.char("t"))
        let column = f.column(of: today, from: try frame(s).start)
        #expect(column >= 0 && column < f.chartWidth)
        #expect(screen(s).split(separator: "\n")[2].contains("▼"))
    }

    @Test func todaysLineRunsDownTheChartAtTodaysColumn() throws {
        let (_, s) = try acmeTimeline()
        let (_, f, start) = try frame(s)
        let x = f.chartX + f.column(of: today, from: start)
        let canvas = Renderer(glyphs: Glyphs(unicode: true)).render(s.state)
        #expect(canvas[x, 2].text == "▼")
        // Down every row the bars leave free: heading rows always do.
        let headings = (3..<22).filter {
            canvas.lines[$0].hasPrefix(" Internal") || canvas.lines[$0].hasPrefix(" Checkpoints")
        }
        #expect(!headings.isEmpty)
        for y in headings {
            #expect(canvas[x, y].text == "┃")
            #expect(canvas[x, y].role == .timelineToday)
        }
    }

    @Test func theTimelineKeysCanBeReboundInKeysYaml() throws {
        let dir = TempDir()
        let path = dir.file("keys.yaml")
        try Data("timeline: Y\nscroll-right: [n, Right]\ncycle-scale: Z\n".utf8).write(to: URL(fileURLWithPath: path))
        let keys = try KeyTable.load(path: path)
        let (_, s) = try acmeTimeline(keys: keys)
        guard case .timeline = s.state.screen else {
            Issue.record("Y did not open the timeline: \(s.state.screen)")
            return
        }
        s.press(.char("Z"))
        #expect(try frame(s).1.scale == .days)
        let before = try frame(s).start
        s.press(.char("n"))
        #expect(try frame(s).start == before + 7)
        // The old keys do nothing here any more; the footer names the new ones.
        s.press(.char("l"), .char("z"))
        #expect(try frame(s).start == before + 7)
        #expect(try frame(s).1.scale == .days)
        #expect(screen(s).contains("n later"))
        s.press(.char("q"), .char("L"))
        #expect(s.state.currentAccount?.name.hasPrefix("Acme") == true)
    }

    @Test func aTimelineKeyThatClashesIsRefusedAtStart() throws {
        let dir = TempDir()
        let path = dir.file("keys.yaml")
        try Data("timeline: x\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try KeyTable.load(path: path)
            Issue.record("accepted timeline: x")
        } catch {
            #expect("\(error)".contains("key 'x' is bound to both toggle-done and timeline"))
        }
    }

    @Test(arguments: [(60, 15), (80, 24), (120, 40), (200, 60)])
    func everyAccountsTimelineFitsTheScreenInUnicodeAndASCII(width: Int, height: Int) throws {
        let dir = TempDir()
        let store = try makeStore(dir, seeded: 40)
        let s = try session(store, width: width, height: height)
        let count = s.state.visible.count
        #expect(count > 30)
        func check() {
            for unicode in [true, false] {
                let canvas = Renderer(glyphs: Glyphs(unicode: unicode)).render(s.state)
                #expect(canvas.lines[0].hasPrefix(" Timeline"))
                for line in canvas.lines { #expect(Text.width(line) <= width) }
                if !unicode { #expect(canvas.text.utf8.allSatisfy { $0 < 0x80 }) }
            }
        }
        for k in 0..<count {
            s.press(.char("1"), .char("g"))
            for _ in 0..<k { s.press(.char("j")) }
            s.press(.enter, .char("L"))
            check()
            // The other scale, the plan's end, the last row.
            s.press(.char("z"), .char("$"), .char("G"))
            check()
        }
    }
}

extension Timeline.Bar {
    var name: String {
        switch subject {
        case .checkpoint(let c, _): c.name
        case .task(let t): t.title
        case .target: "target go-live"
        }
    }
}
