import Foundation

/// What `golive install` put under a prefix, so `golive uninstall` removes exactly that: the
/// files as they were written (a file changed since is the user's and stays) and the folders
/// install made (removed only when nothing else is in them).
struct InstallManifest: Codable, Equatable {
    struct File: Codable, Equatable {
        /// Relative to the prefix.
        var path: String
        var size: Int
        /// FNV-1a, 64 bits, in hex: enough to tell our bytes from a user's edit.
        var fingerprint: String
    }

    var version: String
    var files: [File]
    /// Relative to the prefix, the deepest last; "." is the prefix itself.
    var folders: [String]

    static let relativePath = "share/golive/installed.json"

    static func path(in prefix: String) -> String { (prefix as NSString).appendingPathComponent(relativePath) }

    /// The manifest under `prefix`, nil when there is none.
    static func read(in prefix: String) throws -> InstallManifest? {
        let path = path(in: prefix)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(InstallManifest.self, from: data)
        } catch {
            throw UsageProblem(
                "\(path) is not golive's install record (\(error.localizedDescription)): nothing was changed")
        }
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    func file(_ path: String) -> File? { files.first { $0.path == path } }

    static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func entry(_ path: String, _ data: Data) -> File {
        File(path: path, size: data.count, fingerprint: fingerprint(data))
    }
}
