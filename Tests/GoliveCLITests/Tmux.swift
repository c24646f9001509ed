import Foundation
import GoliveTestSupport

/// A private tmux server running the real binary: keys in with send-keys, the screen out
/// with capture-pane. Each test gets its own socket and kills only its own server.
final class Tmux {
    let socket = "golive-test-\(UUID().uuidString.prefix(8))"
    let cli: CLI

    init(cli: CLI, width: Int = 120, height: Int = 40, command: String) throws {
        self.cli = cli
        try WritePaths.check(arguments: command.split(separator: " ").map(String.init), folder: cli.home)
        let env = [
            "env", "HOME=\(cli.home)", "XDG_DATA_HOME=\(cli.home)/data", "XDG_CONFIG_HOME=\(cli.home)/config",
            "USER=tester", "TERM=tmux-256color", "LANG=C.UTF-8",
        ].joined(separator: " ")
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "\(width)", "-y", "\(height)",
            "\(env) \(command)",
        ])
    }

    /// Ends this test's tmux server and whatever runs in it.
    func stop() { _ = try? tmux(["kill-server"]) }

    deinit { stop() }

    static var available: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs tmux and returns what it printed.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try spawnAndWait(["tmux", "-L", socket] + args).out
    }

    /// Sends keys as typed. An Esc with a key right behind it reads as that key with Alt (as
    /// terminals send Alt), so an Esc is sent on its own and the next key only after a
    /// person's pause, longer than the escape delay.
    func keys(_ keys: String...) throws {
        var batch: [String] = []
        for key in keys {
            batch.append(key)
            guard key == "Escape" else { continue }
            try tmux(["send-keys", "-t", "app"] + batch)
            batch = []
            usleep(150_000)
        }
        if !batch.isEmpty { try tmux(["send-keys", "-t", "app"] + batch) }
    }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "app", "-l", text]) }
    func screen(colours: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "app"] + (colours ? ["-e"] : []))
    }
    /// The screen for a failure message.
    var shown: String { (try? screen()) ?? "<no screen>" }
    func resize(_ w: Int, _ h: Int) throws { try tmux(["resize-window", "-t", "app", "-x", "\(w)", "-y", "\(h)"]) }

    /// Waits until the screen shows `text` (polling, never sleeping blindly); the last
    /// screen is kept for the failure message.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try screen().contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    func waitUntil(timeout: TimeInterval = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }

    /// Whether the pane's program is still running.
    var running: Bool {
        ((try? tmux(["list-panes", "-t", "app", "-F", "#{pane_dead}"])) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines) == "0"
    }
}

/// Runs a program to completion and returns its status and output. Spawned with
/// posix_spawn and reaped with waitpid, with no signal blocked: Foundation's Process learns
/// of a child's exit through a socket the child inherits, and a tmux server forked below it
/// keeps that open for ever; and the test runner blocks signals that tmux and golive need.
@discardableResult
func spawnAndWait(_ argv: [String]) throws -> (status: Int32, out: String) {
    let path = NSTemporaryDirectory() + "spawn-out-" + UUID().uuidString
    defer { unlink(path) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    var all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &none)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cargs, environ)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return ((status >> 8) & 0xFF, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
}
