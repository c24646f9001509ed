import Foundation

/// The login of the user running golive, as the system knows it.
enum Login {
    /// The name `getpwuid` gives for the effective uid, nil when the uid has no entry.
    static func fromPasswordDatabase() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        let login = String(cString: name)
        return login.isEmpty ? nil : login
    }
}
