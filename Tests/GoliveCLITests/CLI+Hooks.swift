import Foundation

extension CLI {
    /// The `on-change` hook running `script`, it and its folder writable by this user only
    /// (whatever the umask): golive runs no other.
    @discardableResult
    func writeHook(_ script: String) -> String {
        let path = write("config/golive/hooks/on-change", "#!/bin/sh\n" + script)
        chmod(path, 0o755)
        chmod((path as NSString).deletingLastPathComponent, 0o755)
        return path
    }
}
