import Foundation
import Testing

/// Several people on one store, as leads and CSMs use it: two real instances in tmux.
@Suite(.serialized)
struct SharedReviewEndToEndTests {
    let asOf = "--as-of 2026-11-22"

    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    @Test func aChangeInOneInstanceAppearsInTheOtherWithinTwoSeconds() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let csm = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --user alice")
        defer { csm.stop() }
        let lead = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --user bob")
        defer { lead.stop() }
        #expect(try csm.waitFor("accounts (") && lead.waitFor("accounts ("))
        try csm.keys("Enter")
        try lead.keys("Enter")
        #expect(try csm.waitFor("Internal (") && lead.waitFor("Internal ("))
        try csm.keys("!")
        try csm.type("sponsor left the company")
        try csm.keys("Enter")
        try csm.type("VP Customer Success")
        try csm.keys("Enter")
        #expect(try csm.waitFor("saved: escalated"), "\(csm.shown)")
        // No key is pressed in the lead's instance.
        #expect(
            try lead.waitFor(
                "escalated by alice to VP Customer Success on 2026-11-22: sponsor left the company"),
            "\(lead.shown)")
    }

    @Test func aStaleEditIsRefusedWithWhoChangedItAndWhen() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        try SharedReviewEndToEndTests.staleEdit(cli: cli, store: try cli.seededStore(), asOf: asOf)
    }

    /// Alice renames the selected task of the first account while Bob, on another instance
    /// of `store`, is editing its title: Bob's screen shows her title without a key pressed,
    /// and his edit is then refused naming her; only hers is kept. The screens are returned.
    @discardableResult
    static func staleEdit(cli: CLI, store: String, asOf: String) throws -> (alice: String, bob: String) {
        let a = try Tmux(cli: cli, command: "\(CLI.binary) --store '\(store)' \(asOf) --user alice")
        defer { a.stop() }
        let b = try Tmux(cli: cli, command: "\(CLI.binary) --store '\(store)' \(asOf) --user bob")
        defer { b.stop() }
        #expect(try a.waitFor("40 accounts"), "\(a.shown)")
        #expect(try b.waitFor("40 accounts"), "\(b.shown)")
        try a.keys("Enter")
        try b.keys("Enter")
        #expect(try a.waitFor("Internal (") && b.waitFor("Internal ("))
        try b.keys("e")  // bob starts editing the selected task's title
        #expect(try b.waitFor("title: "))
        // The title opens selected: → puts the cursor after it, to add to it.
        try a.keys("e", "Right")
        try a.type(" (alice)")
        try a.keys("Enter")
        #expect(try a.waitFor("saved: renamed"), "\(a.shown)")
        #expect(try b.waitFor("(alice)"), "\(b.shown)")  // bob's screen refreshed under his prompt
        try b.keys("Right")
        try b.type(" (bob)")
        try b.keys("Enter")
        #expect(try b.waitFor("changed by alice just now"), "\(b.shown)")
        #expect(try b.waitFor("— reloaded"))
        let export = try cli.run(["export", "--store", store]).out
        #expect(export.contains("(alice)") && !export.contains("(bob)"))
        return (a.shown, b.shown)
    }

    @Test func aReadOnlyInstanceRefusesEveryChangeAndLeavesTheStoreAsItWas() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let before = cli.bytes(store)
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --read-only")
        defer { t.stop() }
        #expect(try t.waitFor("[RO]"))
        try t.keys("Enter")
        #expect(try t.waitFor("Internal ("))
        // Keys that change at once, and keys that would ask a question first: every one is
        // answered at once (a question would hold the bottom line instead).
        for key in ["x", "w", "c", "v", "b", ">", "n", "!", "a", "e", "d", "o"] {
            try t.keys(key)
            #expect(try t.waitFor("read-only: nothing was changed"), "\(key): \(t.shown)")
            try t.keys("1", "Enter")  // a fresh status line for the next key
            #expect(try t.waitFor("Internal ("))
        }
        try t.keys("2", "v")
        #expect(try t.waitFor("read-only: nothing was changed"))
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        #expect(cli.bytes(store) == before)
        let walSize = (try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0)
    }

    @Test func theMetricsScreenShowsTheSameFiguresAsTheReport() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let report = try cli.run(["report", "metrics", "--store", store, "--as-of", "2026-11-22"]).out
        // The team row of the report: group, accounts, active, on hold, first value, the same
        // without holds, go-live, first value in 7 days, on target, milestones on time, completion,
        // go-live on time, slip, moved, dates moved, customer tasks, escalation.
        let team = try #require(report.split(separator: "\n").first { $0.hasPrefix("team ") })
        let fields = team.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let t = try Tmux(
            cli: cli, width: 140, height: 50, command: "\(CLI.binary) --store \(store) \(asOf) --view metrics")
        defer { t.stop() }
        #expect(try t.waitFor("go-lives per week"), "\(t.shown)")
        let screen = t.shown
        #expect(screen.contains("time to first value     \(fields[4]) d"), "\(fields) vs\n\(screen)")
        #expect(screen.contains("  without days on hold  \(fields[5]) d"), "\(fields) vs\n\(screen)")
        #expect(screen.contains("time to go-live         \(fields[6]) d"))
        for (label, value) in [
            ("first value in 7 days", fields[7]), ("first value on target", fields[8]),
            ("milestones on time", fields[9]), ("onboardings completed", fields[10]), ("on-time go-live", fields[11]),
            ("customer tasks on time", fields[15]), ("escalation rate", fields[16]),
        ] {
            let line = screen.split(separator: "\n").first { $0.contains(label) }
            #expect(
                line?.contains(" \(value) ") == true || line?.contains(" \(value)  ") == true,
                "\(label): \(value) vs \(line ?? "")")
        }
    }
}

extension SharedReviewEndToEndTests {
    /// The number the screen's header puts before `words` (a regular expression).
    static func headerCount(_ screen: String, before words: String) -> Int? {
        guard let line = screen.split(separator: "\n").first,
            let range = line.range(of: #"(\d+) "# + words, options: .regularExpression)
        else { return nil }
        return Int(line[range].prefix { $0.isNumber })
    }

    /// How many agenda items the header counts in the next six days.
    static func comingCount(_ screen: String) -> Int? { headerCount(screen, before: "in the next six days") }

    @Test func aLeadsAgendaFollowsATaskAddedInAnotherInstance() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let lead = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --user bob --view agenda")
        defer { lead.stop() }
        let csm = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --user alice")
        defer { csm.stop() }
        #expect(try lead.waitFor("in the next six days") && csm.waitFor("accounts ("), "\(lead.shown)")
        let before = try #require(Self.comingCount(lead.shown), "\(lead.shown)")
        try csm.keys("Enter")
        #expect(try csm.waitFor("Internal ("))
        // A task due in six days (the due date offered is in seven: `-` moves it a day back).
        try csm.keys("a")
        try csm.type("Confirm the data export")
        // → leaves the due date offered (a week ahead), so - moves it a day earlier.
        try csm.keys("Enter", "Enter", "Right", "-", "Enter")
        #expect(try csm.waitFor("saved: added 'Confirm the data export'"), "\(csm.shown)")
        // No key is pressed in the lead's instance.
        #expect(try lead.waitFor("\(before + 1) in the next six days"), "\(lead.shown)")
    }
}

extension SharedReviewEndToEndTests {
    /// How many accounts the Changes screen's header counts.
    static func changedCount(_ screen: String) -> Int? { headerCount(screen, before: "accounts? changed") }

    @Test func twoLeadsChangesScreensFollowEscalationsMadeInAThirdInstance() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let leads = try ["bob", "carol"].map {
            try Tmux(cli: cli, width: 200, height: 50, command: "\(CLI.binary) --store \(store) \(asOf) --user \($0)")
        }
        defer { for lead in leads { lead.stop() } }
        let csm = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --user alice")
        defer { csm.stop() }
        for lead in leads {
            #expect(try lead.waitFor("accounts ("))
            try lead.keys("5")
            #expect(try lead.waitFor("turned red"), "\(lead.shown)")
        }
        #expect(try csm.waitFor("accounts ("))
        let before = try leads.map { try #require(Self.changedCount($0.shown), "\($0.shown)") }
        // Two escalations, on two accounts, a while apart; no key is pressed in the leads' instances.
        for (k, reason) in ["sponsor left the company", "budget frozen until Q3"].enumerated() {
            try csm.keys(k == 0 ? "Enter" : "Escape")
            if k > 0 { try csm.keys("j", "j", "Enter") }
            #expect(try csm.waitFor("Internal ("), "\(csm.shown)")
            try csm.keys("!")
            try csm.type(reason)
            try csm.keys("Enter")
            try csm.type("VP Customer Success")
            try csm.keys("Enter")
            #expect(try csm.waitFor("saved: escalated"), "\(csm.shown)")
            for lead in leads {
                #expect(try lead.waitFor(reason), "\(lead.shown)")
            }
            Thread.sleep(forTimeInterval: 1.5)
        }
        for (lead, count) in zip(leads, before) {
            let after = try #require(Self.changedCount(lead.shown), "\(lead.shown)")
            #expect(after >= count && after <= count + 2, "\(count) → \(after)")
            // A full read (the period cycled round: last review, 7 days, 30 days) shows the same as the screen refreshed in place.
            let shown = lead.shown
            for _ in 0..<3 { try lead.keys("p") }
            #expect(lead.waitUntil { lead.shown == shown }, "\(shown)\n---\n\(lead.shown)")
        }
    }
}

extension SharedReviewEndToEndTests {
    @Test func aLargePortfoliosChangesScreenEndsWithTheReportsList() throws {
        // From 2,000 accounts the terminal reads the Changes screen's first lines ahead of the
        // whole list: it must end as the report has it, worst first.
        let cli = CLI()
        defer { cli.cleanup() }
        let store = cli.file("large.sqlite")
        let seeded = try cli.run([
            "seed", "--store", store, "--accounts", "2400", "--tasks-per-account", "8", "--seed", "8", "--as-of",
            "2026-11-22",
        ])
        #expect(seeded.status == 0, "\(seeded.err)")
        let report = try cli.run([
            "report", "changes", "--store", store, "--as-of", "2026-11-22", "--since", "2026-11-16", "--format", "json",
        ])
        #expect(report.status == 0, "\(report.err)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [[String: Any]])
        let first = try #require(rows.first?["account"] as? String)
        #expect(rows.count > 100)
        let lead = try Tmux(
            cli: cli, width: 200, height: 50, command: "\(CLI.binary) --store \(store) \(asOf) --user bob")
        defer { lead.stop() }
        #expect(try lead.waitFor("accounts ("))
        try lead.keys("5")
        #expect(try lead.waitFor("accounts changed"), "\(lead.shown)")
        #expect(Self.changedCount(lead.shown) == rows.count, "\(lead.shown)")
        let lines = lead.shown.split(separator: "\n")
        #expect(lines.count > 1 && lines[1].contains(first), "\(first)\n\(lead.shown)")
    }
}
