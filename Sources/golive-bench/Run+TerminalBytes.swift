import ArgumentParser
import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore
import GoliveTerminal

extension Run {
    /// Runs golive in tmux, lets the first frame settle, then counts the bytes the terminal
    /// receives for 100 line moves, then for 20 page moves (tmux pipe-pane records the
    /// pane's output).
    func terminalBytes(golive: String, store: String) throws -> (Double, Double)? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { return nil }
        let sock = "golive-bench-\(getpid())"
        let log = "\(work)/pane-\(getpid()).log"
        defer {
            _ = try? runProcess("/usr/bin/tmux", ["-L", sock, "kill-server"])
            unlink(log)
        }
        _ = try runProcess(
            "/usr/bin/tmux",
            [
                "-L", sock, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
                "env TERM=tmux-256color LANG=C.UTF-8 \(golive) --store \(store) --as-of \(asOf.iso)",
            ])
        func screen() -> String {
            (try? runProcess("/usr/bin/tmux", ["-L", sock, "capture-pane", "-p", "-t", "b"]).out) ?? ""
        }
        let deadline = Date().addingTimeInterval(30)
        while !screen().contains("ACCOUNT") && Date() < deadline { usleep(50_000) }
        usleep(300_000)
        func bytes(_ keys: [String]) throws -> Double {
            unlink(log)
            _ = try runProcess("/usr/bin/tmux", ["-L", sock, "pipe-pane", "-t", "b", "-o", "cat >> \(log)"])
            for k in keys { _ = try runProcess("/usr/bin/tmux", ["-L", sock, "send-keys", "-t", "b", k]) }
            usleep(800_000)
            _ = try runProcess("/usr/bin/tmux", ["-L", sock, "pipe-pane", "-t", "b"])  // stop recording
            usleep(100_000)
            let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
            return Double(size) / Double(keys.count)
        }
        let line = try bytes((0..<100).map { $0 % 20 < 12 ? "j" : "k" })
        let page = try bytes((0..<20).map { $0 % 2 == 0 ? "PageDown" : "PageUp" })
        return (line, page)
    }
}
