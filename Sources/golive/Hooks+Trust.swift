import Foundation

extension Hooks {
    /// Why the hook at `path` may not run, nil when it may. As git and ssh do with such
    /// files: a hook that someone else could have written would run as this user, so the
    /// hook and its folder must belong to this user (or root) and be writable by no one else.
    static func distrust(_ path: String) -> String? {
        // Every folder above it too: whoever may rename `golive/` or `hooks/` may put a
        // folder of their own in its place. A sticky folder (`/tmp`) lets no one else
        // rename what is ours in it.
        var checked = [path]
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            checked.append(folder)
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        for checked in checked {
            var info = stat()
            guard stat(checked, &info) == 0 else {
                return "on-change not run: cannot check \(checked) (\(String(cString: strerror(errno))))"
            }
            if info.st_uid != geteuid() && info.st_uid != 0 {
                return "on-change not run: \(checked) belongs to another user (uid \(info.st_uid)), not to you"
            }
            let isSticky =
                checked != path && checked != (path as NSString).deletingLastPathComponent
                && info.st_mode & S_ISVTX != 0
            if info.st_mode & 0o022 != 0 && !isSticky {
                let who = info.st_mode & 0o002 != 0 ? "anyone" : "its group"
                return "on-change not run: \(checked) may be changed by \(who) (chmod go-w \(checked))"
            }
        }
        return nil
    }
}
