import Foundation
import Testing

/// Text from data carrying escape sequences, C1 controls, bidirectional overrides, joiners
/// and very long strings: shown inertly everywhere, never executed by the terminal.
@Suite(.serialized)
struct HostileTextTests {
    static let evil = [
        "Clear\u{1B}[2JCo",  // erase the screen
        "Clip\u{1B}]52;c;cHduZWQ=\u{07}board",  // OSC 52: write the user's clipboard
        "Title\u{1B}]0;PWNED\u{07}Ltd",  // OSC 0: change the window title
        "C1\u{9B}7;7;7mCorp",  // C1 CSI
        "Bidi\u{202E}dlrow\u{202C}Inc",  // right-to-left override
        "Family👨‍👩‍👧Labs",  // zero-width joiners
        String(repeating: "Long", count: 40),  // a name of 160 characters
    ]

    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    /// A store whose names hold escape sequences and the like. Import and restore refuse
    /// them, so they are written into the file directly, as an older golive or a hand edit
    /// could have: the screens and reports must stay safe whatever the store holds.
    func hostileStore(_ cli: CLI) throws -> String {
        let store = cli.file("p.sqlite")
        var csv = "Account Name,CSM,Segment,ARR,Contract Signed\n"
        for i in Self.evil.indices { csv += "Hostile \(i),Ana,smb,1000,2026-11-01\n" }
        cli.write("evil.csv", csv)
        let r = try cli.run(["import", cli.file("evil.csv"), "--store", store, "--as-of", "2026-11-22"])
        #expect(r.status == 0, "\(r.err)")
        func text(_ s: String) -> String {
            "CAST(X'" + s.utf8.map { String(format: "%02X", $0) }.joined() + "' AS TEXT)"
        }
        var sql = ""
        for (i, name) in Self.evil.enumerated() {
            let set = "SET name = \(text(name)), csm = \(text("Ana\u{1B}[5m\(i)"))"
            sql += "UPDATE accounts \(set) WHERE name = 'Hostile \(i)'; "
            sql += "UPDATE account_facts \(set) WHERE name = 'Hostile \(i)'; "
        }
        let edit = try spawnAndWait(["sqlite3", store, sql])
        #expect(edit.status == 0, "\(edit.out)")
        return store
    }

    /// No byte sequence that came from data: OSC, the injected SGR, C1 controls, overrides.
    func assertInert(_ bytes: Data, _ what: String) {
        let b = [UInt8](bytes)
        func has(_ seq: [UInt8]) -> Bool {
            b.count >= seq.count && (0...(b.count - seq.count)).contains { Array(b[$0..<$0 + seq.count]) == seq }
        }
        #expect(!has([0x1B, 0x5D]), "\(what): an OSC sequence reached the output")
        #expect(!has(Array("PWNED\u{07}".utf8)) && !has([0x07]), "\(what): a BEL reached the output")
        #expect(!has([0xC2, 0x9B]), "\(what): a C1 control reached the output")
        #expect(!has(Array("\u{202E}".utf8)), "\(what): a bidirectional override reached the output")
        #expect(!has(Array("\u{1B}[5m".utf8)), "\(what): the injected blink reached the output")
    }

    @Test func theBoardAndAccountScreenWriteNoControlSequenceFromData() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try hostileStore(cli)
        let log = cli.file("pane.log")
        let t = try Tmux(cli: cli, command: "\(CLI.binary) --store \(store) --as-of 2026-11-22")
        defer { t.stop() }
        #expect(try t.waitFor("ACCOUNT"))
        try t.tmux(["pipe-pane", "-t", "app", "-o", "cat >> \(log)"])
        try t.keys("r")  // redraw everything into the log
        for _ in 0..<7 { try t.keys("j") }
        try t.keys("g", "Enter", "q", "?", "Escape", "2", "3", "4", "1")
        #expect(try t.waitFor("ACCOUNT"))
        usleep(500_000)
        let raw = try Data(contentsOf: URL(fileURLWithPath: log))
        #expect(raw.count > 1000)
        assertInert(raw, "terminal")
        let screen = t.shown
        #expect(
            screen.contains("␛]52;c;cHduZWQ=␇") || screen.contains("Clip␛]52"),
            "the clipboard attempt is not shown as text:\n\(screen)")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 120 })
    }

    @Test func reportsAndExportsShowHostileTextInertly() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try hostileStore(cli)
        for kind in ["portfolio", "stalled", "overdue"] {
            for format in ["table", "csv", "markdown", "json"] {
                let r = try cli.run(["report", kind, "--format", format, "--store", store, "--as-of", "2027-03-01"])
                #expect(r.status == 0)
                assertInert(Data(r.out.utf8), "\(kind) \(format)")
                #expect(!r.out.contains("\u{1B}"), "\(kind) \(format): an ESC reached the output")
            }
        }
        let export = try cli.run(["export", "--store", store])
        #expect(!export.out.contains("\u{1B}") && export.out.contains("\\u001b]52"))
        // The export keeps the text exactly, so restore, as strict as import, names it and
        // puts none of it into a new store.
        cli.write("e.json", export.out)
        let restore = try cli.run(["restore", cli.file("e.json"), "--store", cli.file("copy.sqlite")])
        #expect(restore.status != 0 && restore.err.contains("contains a control character"), "\(restore.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.file("copy.sqlite")))
    }
}
