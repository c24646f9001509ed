import Foundation

extension Export {
    /// Writes `text` to `path` whole or not at all, for its owner only (0600): a calendar
    /// subscribed to the file, or a page someone opens, never reads half of one.
    static func replace(_ path: String, with text: String) throws {
        let temporary = path + ".golive-\(getpid()).tmp"
        do {
            let fd = try openPrivately(temporary)
            defer { close(fd) }
            try write(Array(text.utf8), to: fd, path: path)
            guard rename(temporary, path) == 0 else {
                throw UsageProblem("cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
