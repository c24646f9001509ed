import Foundation
import Testing

/// The `on-change` hook through the real binary in tmux: each change saved on the board
/// reaches it as one JSON line after its commit — the same line `golive events` prints —
/// and a hook that hangs or fails is killed and logged without ever holding a key.
@Suite(.serialized)
struct HooksEndToEndTests {
    init() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests: apt-get install tmux")
    }

    func note(_ t: Tmux, _ text: String) throws {
        try t.keys("n")
        try t.type(text)
        try t.keys("Enter")
        #expect(try t.waitFor("saved: note: \(text)"), "\(t.shown)")
    }

    @Test func eachSavedChangeReachesTheHookAsTheEventStreamsLine() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let last = try cli.run(["events", "--store", store]).out.split(separator: "\n").count
        cli.writeHook("cat >> \"$HOME/hook.jsonl\"\n")
        let t = try Tmux.board(cli, store, user: "lead")
        defer { t.stop() }
        try t.openFirstAccount()
        try note(t, "called the champion")
        try note(t, "sent the SSO guide")
        let received = cli.file("hook.jsonl")
        #expect(
            t.waitUntil {
                ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n").count == 2
            })
        let lines = try String(contentsOfFile: received, encoding: .utf8).split(separator: "\n").map(String.init)
        let stream = try cli.run(["events", "--store", store, "--after", "\(last)"]).out.split(separator: "\n")
            .map(String.init)
        #expect(lines == stream, "\(lines)\n\(stream)")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["kind"] as? String == "note")
        #expect(first["who"] as? String == "lead")
        #expect(first["words"] as? String == "note: called the champion")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        // A hook that did its work leaves nothing in the log.
        #expect(((try? String(contentsOfFile: cli.file("data/golive/hooks.log"), encoding: .utf8)) ?? "").isEmpty)
    }

    @Test func aHookThatHangsOrFailsIsKilledAndLoggedAndNeverHoldsAKey() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        // The first change's hook hangs (and starts a child of its own); the second's fails.
        cli.writeHook(
            """
            if grep -q hangs; then sleep 37.25 & sleep 37.5; fi
            echo "no webhook today" >&2
            exit 3

            """)
        let t = try Tmux(
            cli: cli,
            command: "GOLIVE_HOOK_TIMEOUT=2 \(CLI.binary) --store \(store) --as-of 2026-11-22 --user lead")
        defer { t.stop() }
        #expect(try t.waitFor("accounts ("), "\(t.shown)")
        try t.openFirstAccount()
        let started = Date()
        try note(t, "this hangs")
        try note(t, "this fails")
        // Both saved while the first hook still hangs: the keys did not wait for it.
        #expect(Date().timeIntervalSince(started) < 2, "keys waited on the hook")
        let log = cli.file("data/golive/hooks.log")
        #expect(
            t.waitUntil {
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                return text.contains("on-change exited with status 3")
            })
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("on-change still running after 2 s: killed"), "\(text)")
        #expect(text.contains("no webhook today"), "\(text)")
        // Killed with what it started.
        #expect(try spawnAndWait(["pgrep", "-f", "sleep 37.25"]).status == 1)
        #expect(t.running && t.shown.contains("saved: note: this fails"))
        let notes = try cli.run(["events", "--store", store]).out.split(separator: "\n").suffix(2)
        #expect(notes.allSatisfy { $0.contains("\"kind\":\"note\"") })
    }

    /// The board holds more open than a change command (the terminal, the store and its
    /// write-ahead log): none of it reaches the hook.
    @Test func aHookTheBoardRunsGetsOnlyDescriptorsZeroOneAndTwo() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        cli.writeHook("ls -l /proc/self/fd > \"$HOME/fds.tmp\"\nmv \"$HOME/fds.tmp\" \"$HOME/fds.txt\"\n")
        let t = try Tmux.board(cli, store, user: "lead")
        defer { t.stop() }
        try t.openFirstAccount()
        try note(t, "called the champion")
        let listed = cli.file("fds.txt")
        #expect(t.waitUntil(timeout: 30) { FileManager.default.fileExists(atPath: listed) })
        let text = try String(contentsOfFile: listed, encoding: .utf8)
        let fds = text.split(separator: "\n").compactMap { line -> (Int, String)? in
            guard let arrow = line.range(of: " -> ") else { return nil }
            guard let fd = line[..<arrow.lowerBound].split(separator: " ").last.flatMap({ Int($0) }) else { return nil }
            return (fd, String(line[arrow.upperBound...]))
        }
        // 0, 1 and 2, and past them only the folder `ls` itself reads.
        #expect(Set(fds.filter { $0.0 <= 2 }.map(\.0)) == [0, 1, 2], "\(text)")
        #expect(fds.filter { $0.0 > 2 && !$0.1.hasSuffix("/fd") }.isEmpty, "\(text)")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
    }

    @Test func aHookOthersMayChangeIsNamedOnTheBoardAndNotRun() throws {
        let cli = CLI()
        defer { cli.cleanup() }
        let store = try cli.seededStore()
        let path = cli.writeHook("touch \"$HOME/ran\"\n")
        chmod(path, 0o757)
        let t = try Tmux.board(cli, store, user: "lead")
        defer { t.stop() }
        #expect(try t.waitFor("on-change not run"), "\(t.shown)")
        try t.openFirstAccount()
        try note(t, "called the champion")
        try t.keys("q", "q")
        #expect(t.waitUntil { !t.running })
        #expect(!FileManager.default.fileExists(atPath: cli.file("ran")))
        let log = try String(contentsOfFile: cli.file("data/golive/hooks.log"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 1 && log.contains("may be changed by anyone"), "\(log)")
    }
}
