import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

/// Wall-clock durations in milliseconds.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((p * Double(s.count - 1)).rounded()))]
}

/// Peak resident memory of this process so far, in MB (Linux VmHWM).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

/// Runs a program to completion with posix_spawn (Foundation's Process would wait for
/// tmux's forked server too), capturing its output through files. The output is read back
/// only when `keepingOutput`: a report's 20 MB read into a string took a fifth of the time
/// measured around the run. Its peak resident memory comes from the kernel's account of
/// the child (`wait4`), so no child has to report on itself.
func runProcess(_ path: String, _ args: [String], keepingOutput: Bool = true) throws -> (
    code: Int32, out: String, err: String, peakMB: Double
) {
    let base = NSTemporaryDirectory() + "golive-bench-\(UUID().uuidString)"
    defer {
        unlink(base + ".out")
        unlink(base + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var cargs: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    // Children start with no signal blocked, whatever this process inherited: tmux and
    // golive depend on SIGCHLD, SIGWINCH and SIGHUP.
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
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, &attr, &cargs, environ)
    guard rc == 0 else { throw ValidationError("cannot run \(path): error \(rc)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let out = keepingOutput ? (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "" : ""
    let err = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
    return ((status >> 8) & 0xFF, out, err, Double(usage.ru_maxrss) / 1024)
}
