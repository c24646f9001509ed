import Foundation
import GoliveDomain
import GoliveIO

/// The `on-change` hook: an executable in `$XDG_CONFIG_HOME/golive/hooks/` given each change
/// this process saves, as one line of JSON on its standard input, after the commit. Hooks
/// run one at a time in the order the changes were saved, on a thread of their own, so a
/// key is never kept waiting for one; a hook that fails or outlives its timeout (killed,
/// with whatever it started) is written in the log. The change itself is saved whatever
/// the hook does.
final class Hooks: @unchecked Sendable {
    let executable: String
    let log: String
    let timeout: TimeInterval
    private let queue = DispatchQueue(label: "golive.hooks")
    private let pending = DispatchGroup()

    /// The hooks of `paths`, or nil when there is no executable `on-change`.
    /// `GOLIVE_HOOK_TIMEOUT` (seconds, default 10) bounds each run.
    static func find(_ paths: Paths, environment: [String: String]) -> Hooks? {
        let path = (paths.hooksDirectory as NSString).appendingPathComponent("on-change")
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        let timeout = environment["GOLIVE_HOOK_TIMEOUT"].flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil } ?? 10
        return Hooks(executable: path, log: paths.hooksLog, timeout: timeout)
    }

    init(executable: String, log: String, timeout: TimeInterval) {
        self.executable = executable
        self.log = log
        self.timeout = timeout
    }

    /// Runs the hook for `line` (one event's JSON) after those before it; returns at once.
    func deliver(_ line: String, event id: Int64) {
        pending.enter()
        queue.async {
            self.run(line, event: id)
            self.pending.leave()
        }
    }

    /// Waits for the hooks still to run (a change saved just before quitting), each within
    /// its timeout.
    func finish() {
        _ = pending.wait(timeout: .now() + .milliseconds(Int(timeout * 1000) + 500))
    }

    private func run(_ line: String, event id: Int64) {
        // Its standard input is a socket: written with MSG_NOSIGNAL, a hook that exits
        // without reading it cannot end golive with SIGPIPE.
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else {
            return note("event \(id): cannot start on-change (no socket: \(String(cString: strerror(errno))))")
        }
        defer { close(pair[0]) }
        let logFD = openLog()
        defer { if logFD >= 0 { close(logFD) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        // What the hook says on its standard error goes in the log, never on the board.
        if logFD >= 0 {
            posix_spawn_file_actions_adddup2(&actions, logFD, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        // A group of its own: a hung hook is killed with whatever it started (curl, …).
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(
            &attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, &argv, environ)
        close(pair[1])
        guard rc == 0 else {
            return note("event \(id): cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        var bytes = Array((line + "\n").utf8)
        var at = 0
        while at < bytes.count {
            let n = bytes.withUnsafeMutableBytes { b in
                b.baseAddress.map { send(pair[0], $0 + at, b.count - at, Int32(MSG_NOSIGNAL)) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }  // the hook did not read it all: its exit status says the rest
            at += n
        }
        shutdown(pair[0], Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return note("event \(id): on-change still running after \(Int(timeout)) s: killed")
            }
            usleep(10_000)
        }
        if (status & 0x7f) != 0 {
            note("event \(id): on-change ended by signal \(status & 0x7f)")
        } else if (status >> 8) & 0xff != 0 {
            note("event \(id): on-change exited with status \((status >> 8) & 0xff)")
        }
    }

    private func openLog() -> Int32 {
        let folder = (log as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    }

    /// One line in the log, with the time.
    private func note(_ text: String) {
        let fd = openLog()
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array("\(Timestamp.string(Date())) golive: \(text)\n".utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
