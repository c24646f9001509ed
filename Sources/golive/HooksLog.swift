import Foundation
import GoliveDomain

/// `hooks.log`: what hooks said on their standard error and what golive noted about them.
/// Past `limit` bytes it is renamed `hooks.log.1` (replacing the one before) and begun
/// again, so a chatty hook that succeeds every time cannot fill the disk.
struct HooksLog: Sendable {
    static let defaultLimit = 1 << 20

    let path: String
    let limit: Int

    /// `GOLIVE_HOOKS_LOG_LIMIT` (bytes, 1 KiB to 1 GiB) replaces the 1 MiB limit.
    init(path: String, environment: [String: String]) {
        self.path = path
        limit = Environment.number("GOLIVE_HOOKS_LOG_LIMIT", in: environment).map { Int($0) } ?? HooksLog.defaultLimit
    }

    var previous: String { path + ".1" }

    /// The log for appending, begun again when it has passed its limit; -1 when it cannot
    /// be opened. Close-on-exec: only the hook it is given to as standard error gets it.
    func open() -> Int32 {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var info = stat()
        if stat(path, &info) == 0 && Int(info.st_size) >= limit {
            // Two processes may both find it full: the second renames a nearly empty log
            // over the first's `.1`, which loses old lines, never the store's data.
            rename(path, previous)
        }
        return Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    }

    /// One line in the log, with the time.
    func note(_ text: String) {
        let fd = open()
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array("\(Timestamp.string(Date())) golive: \(text)\n".utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
