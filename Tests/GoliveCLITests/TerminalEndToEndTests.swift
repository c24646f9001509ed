import Foundation
import Testing

/// The real binary in a real terminal (tmux on a private server): keys, screens, resize,
/// signals, and changes that survive a restart.
@Suite(.serialized)
struct TerminalEndToEndTests {
    let asOf = "--as-of 2026-11-22"

    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    func report(_ cli: CLI, _ store: String) throws -> [[String: Any]] {
        let r = try cli.run(["report", "portfolio", "--format", "json", "--store", store, "--as-of", "2026-11-22"])
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [[String: Any]]
    }

    @Test func aTriageSessionIsKeptAcrossARestart() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf) --user tester")
        defer { t.stop() }
        #expect(try t.waitFor("accounts ("), "board did not appear:\n\(t.shown)")
        // Open the first account (the worst one) and make one change in each lane.
        try t.keys("j", "k", "Enter")
        #expect(try t.waitFor("Internal ("))
        let name = String(try t.screen().split(separator: "\n")[0].split(separator: "│")[0]).trimmingCharacters(
            in: .whitespaces)
        try t.keys("n")
        try t.type("kickoff moved to Tuesday")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: note"), "\(t.shown)")
        try t.keys("G", "d", "+", "Enter")
        #expect(try t.waitFor("saved: '"), "\(t.shown)")
        try t.keys("Tab", "a")
        try t.type("Send SSO metadata again")
        try t.keys("Enter", "Enter", "Enter")
        #expect(try t.waitFor("saved: added 'Send SSO metadata again'"), "\(t.shown)")
        try t.keys("Tab", "X")
        try t.type("scope unclear")
        try t.keys("Enter")
        #expect(try t.waitFor("→ rejected (scope unclear)"), "\(t.shown)")
        try t.keys("q")
        #expect(try t.waitFor("RAG▾S ! * ACCOUNT"))
        try t.keys("q")
        #expect(t.waitUntil { !t.running }, "did not quit")

        // Everything is in the store: the report and the export see it, and a new session shows it.
        let export = try cli.run(["export", "--store", store]).out
        for needle in ["kickoff moved to Tuesday", "Send SSO metadata again", "scope unclear", "\"task.due\""] {
            #expect(export.contains(needle), "missing from the export: \(needle)")
        }
        #expect(export.contains("\"who\" : \"tester\""))
        let again = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf)")
        defer { again.stop() }
        #expect(try again.waitFor("accounts ("))
        try again.keys("/")
        try again.type(name)
        try again.keys("Enter", "Enter", "Tab")
        #expect(try again.waitFor("[ ] Send SSO metada"), "\(again.shown)")
    }

    @Test func resizeHelpAndTheTooSmallScreen() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf)")
        defer { t.stop() }
        #expect(try t.waitFor("SEGMENT"))
        try t.resize(80, 24)
        #expect(
            t.waitUntil { !t.shown.contains("SEGMENT") && (t.shown.contains("CHKPT") || t.shown.contains("CHECKPTS")) },
            "\(t.shown)")
        #expect(try t.screen().split(separator: "\n").allSatisfy { $0.count <= 80 })
        try t.keys("?")
        #expect(try t.waitFor("Keys — type to filter"))
        try t.type("escalate")
        #expect(try t.waitFor("escalate the account"))
        try t.keys("Escape")
        #expect(t.waitUntil { !t.shown.contains("Keys — type to filter") })
        try t.resize(40, 10)
        #expect(try t.waitFor("terminal too small"), "\(t.shown)")
        try t.resize(120, 40)
        #expect(try t.waitFor("SEGMENT"))
        try t.resize(40, 10)
        #expect(try t.waitFor("q quits"))
        try t.keys("q")
        #expect(t.waitUntil { !t.running })
    }

    @Test func colourIsDrawnAndNoColorRemovesIt() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let coloured = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) \(asOf)")
        defer { coloured.stop() }
        #expect(try coloured.waitFor("SEGMENT"))
        let withColour = try coloured.screen(colours: true)
        #expect(withColour.contains("\u{1B}[38;") || withColour.contains("\u{1B}[3"))
        let plain = try Tmux(cli: cli, command: "env NO_COLOR=1 \(CLI.binary) --store \(store) \(asOf)")
        defer { plain.stop() }
        #expect(try plain.waitFor("SEGMENT"))
        let noColour = try plain.screen(colours: true)
        #expect(!noColour.contains("[38;") && !noColour.contains("[48;") && !noColour.contains("[31m"))
        #expect(noColour.contains("\u{1B}[7m") || noColour.contains(";7m"))  // the selection still shows (reverse)
    }

    @Test(arguments: [("INT", SIGINT, "0"), ("HUP", SIGHUP, "129"), ("TERM", SIGTERM, "143"), ("QUIT", SIGQUIT, "131")])
    func aSignalRestoresTheTerminalAndKeepsSavedChanges(_ name: String, _ sig: Int32, _ status: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let script = cli.write(
            "run.sh",
            """
            stty -g > \(cli.file("before.txt"))
            sh -c 'echo $$ > \(cli.file("pid.txt")); exec \(CLI.binary) --store \(store) --as-of 2026-11-22 --user sig'
            echo $? > \(cli.file("status.txt"))
            stty -g > \(cli.file("after.txt"))
            sleep 30
            """)
        let t = try Tmux(cli: cli, command: "sh \(script)")
        defer { t.stop() }
        #expect(try t.waitFor("ACCOUNT"))
        try t.keys("Enter", "n")
        try t.type("saved before SIG\(name)")
        try t.keys("Enter")
        #expect(try t.waitFor("saved: note"))
        let pid = try String(contentsOfFile: cli.file("pid.txt"), encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        kill(pid_t(pid)!, sig)
        #expect(
            t.waitUntil { ((try? String(contentsOfFile: cli.file("after.txt"), encoding: .utf8)) ?? "").count > 10 })
        #expect(
            try String(contentsOfFile: cli.file("before.txt"), encoding: .utf8)
                == String(contentsOfFile: cli.file("after.txt"), encoding: .utf8))
        #expect(
            try String(contentsOfFile: cli.file("status.txt"), encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines) == status)
        #expect(try cli.run(["export", "--store", store]).out.contains("saved before SIG\(name)"))
    }
}

extension TerminalEndToEndTests {
    /// A terminal that cannot move the cursor gets the board once, as text, and a word why.
    @Test func aDumbTerminalGetsThePrintedBoard() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        // Tall enough for the whole board (40 accounts) under the warning.
        let t = try Tmux(
            cli: cli, height: 60, command: "env TERM=dumb \(CLI.binary) --store \(store) --as-of 2026-11-22; sleep 30")
        defer { t.stop() }
        // The whole board, as text, ends with its key bar; the warning stands above it.
        #expect(try t.waitFor("q quit"), "\(t.shown)")
        #expect(try t.screen().contains("TERM=dumb cannot move the cursor"), "\(t.shown)")
    }

    /// COLUMNS=99999999 once asked for 81 GB: a value no terminal has is ignored, with a word.
    @Test(arguments: ["99999999", "-5", "wide"])
    func anInsaneColumnsIsIgnoredWithAWarning(_ columns: String) throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let r = try cli.run(["--store", store, "--as-of", "2026-11-22"], env: ["COLUMNS": columns])
        #expect(r.status == 0)
        #expect(r.err == "golive: COLUMNS=\(columns) is not a number from 20 to 1000: ignored\n")
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 120 })
    }
}
