import Foundation
import GoliveDomain
import Yams

/// The playbooks a user can apply: the built-in ones, then any in the user's playbook
/// folder (a user file with a built-in's name replaces it).
public struct PlaybookCatalog: Sendable {
    public struct Entry: Sendable {
        public var playbook: Playbook
        /// "built-in" or the file's path.
        public var source: String
    }
    public var entries: [Entry]
    /// The high-touch built-in: what an account gets when its segment's playbook is gone.
    private var fallback: Playbook

    public static func load(userDirectory: String?) throws -> PlaybookCatalog {
        var byName: [String: Entry] = [:]
        for (file, text) in BuiltinPlaybooks.files {
            let p = try PlaybookFile.parse(text, file: "built-in \(file)")
            byName[p.name] = Entry(playbook: p, source: "built-in")
        }
        if let dir = userDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for n in names.sorted() where n.hasSuffix(".yaml") || n.hasSuffix(".yml") {
                let path = (dir as NSString).appendingPathComponent(n)
                let p = try PlaybookFile.load(path: path)
                byName[p.name] = Entry(playbook: p, source: path)
            }
        }
        guard let fallback = byName["enterprise-high-touch"]?.playbook else {
            throw FileError(file: "built-in playbooks", reason: "enterprise-high-touch is missing from this build")
        }
        return PlaybookCatalog(
            entries: byName.values.sorted { $0.playbook.name < $1.playbook.name }, fallback: fallback)
    }

    /// The YAML an entry was read from: the built-in text, or the user's file.
    public func yaml(of entry: Entry) throws -> String {
        if entry.source == "built-in",
            let text = BuiltinPlaybooks.files.first(where: { $0.0 == "\(entry.playbook.name).yaml" })?.1
        {
            return text
        }
        guard let data = FileManager.default.contents(atPath: entry.source) else {
            throw FileError(file: entry.source, reason: "cannot be read")
        }
        return String(decoding: data, as: UTF8.self)
    }

    public func playbook(named name: String) -> Playbook? { entries.first { $0.playbook.name == name }?.playbook }

    /// The playbook for a segment when none is named: high-touch for enterprise and
    /// mid-market, tech-touch for SMB.
    public func defaultPlaybook(for segment: Segment) -> Playbook {
        playbook(named: segment == .smb ? "smb-tech-touch" : "enterprise-high-touch") ?? fallback
    }
}
