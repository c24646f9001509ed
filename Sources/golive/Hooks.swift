import Foundation
import GoliveDomain
import GoliveIO

/// The `on-change` hook: an executable in `$XDG_CONFIG_HOME/golive/hooks/` given each change
/// this process saves, as one line of JSON on its standard input, after the commit. Hooks
/// run one at a time in the order the changes were saved, on a thread of their own, so a
/// key is never kept waiting for one; a hook that fails or outlives its timeout (killed,
/// with whatever it started) is written in the log. The change itself is saved whatever
/// the hook does. A hook gets descriptors 0, 1 and 2 only, a short list of variables
/// (`Hooks+Environment`), and runs only if no one else could have written it (`Hooks+Trust`).
final class Hooks: @unchecked Sendable {
    let executable: String
    let log: HooksLog
    let timeout: TimeInterval
    /// golive's environment, of which the hook gets only what `environment(from:)` passes.
    let given: [String: String]
    /// The store the changes are saved to, as `Store.path` shows it (no password).
    let store: String
    private let queue = DispatchQueue(label: "golive.hooks")
    private let pending = DispatchGroup()

    /// What `find` found: hooks to run, or a hook refused (the reason, already in the log).
    enum Found {
        case ready(Hooks)
        case refused(String)
    }

    /// The hooks of `paths` for changes saved to `store`, nil when there is no executable
    /// `on-change`. Everything is read here, before any change is saved: nothing about the
    /// hook can fail after. `GOLIVE_HOOK_TIMEOUT` (seconds, 0.1 to 3600, default 10) bounds
    /// each run.
    static func find(_ paths: Paths, environment: [String: String], store: String) -> Found? {
        let path = (paths.hooksDirectory as NSString).appendingPathComponent("on-change")
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        let log = HooksLog(path: paths.hooksLog, environment: environment)
        if let why = distrust(path) {
            log.note(why)
            return .refused(why)
        }
        let timeout = Environment.number("GOLIVE_HOOK_TIMEOUT", in: environment) ?? 10
        return .ready(Hooks(executable: path, log: log, timeout: timeout, given: environment, store: store))
    }

    init(executable: String, log: HooksLog, timeout: TimeInterval, given: [String: String], store: String) {
        self.executable = executable
        self.log = log
        self.timeout = timeout
        self.given = given
        self.store = store
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
        // Close-on-exec, as every descriptor golive opens: the hook gets 0, 1 and 2 only.
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &pair) == 0 else {
            return note("event \(id): cannot start on-change (no socket: \(String(cString: strerror(errno))))")
        }
        defer { close(pair[0]) }
        let logFD = log.open()
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
        // Last, once the three are in place: should a library golive loads have opened a
        // descriptor without close-on-exec, the hook still does not get it.
        if let closeFrom = Hooks.addCloseFrom { _ = closeFrom(&actions, 3) }
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
        var envp: [UnsafeMutablePointer<CChar>?] =
            Hooks.environment(from: given, store: store, event: id).map { strdup($0) } + [nil]
        defer { for e in envp { free(e) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attr, &argv, &envp)
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
                // 2 s as "2 s", a tenth as "0.1 s" (never "0 s").
                let shown = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
                return note("event \(id): on-change still running after \(shown) s: killed")
            }
            usleep(10_000)
        }
        if (status & 0x7f) != 0 {
            note("event \(id): on-change ended by signal \(status & 0x7f)")
        } else if (status >> 8) & 0xff != 0 {
            note("event \(id): on-change exited with status \((status >> 8) & 0xff)")
        }
    }

    private func note(_ text: String) { log.note(text) }
}
