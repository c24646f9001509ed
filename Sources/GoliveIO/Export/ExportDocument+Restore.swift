import Foundation
import GoliveDomain
import GoliveStore

extension ExportDocument {
    /// Reads and checks an export: its format and version, and that every reference in it
    /// (playbooks, events, checkpoints, dependencies) points at something in the file.
    public static func read(path: String) throws -> ExportDocument {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw FileError(file: path, reason: "no such file")
        }
        if isDir.boolValue { throw FileError(file: path, reason: "is a directory, not an export") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, reason: "cannot be read (permission denied)")
        }
        let d = JSONDecoder()
        d.keyDecodingStrategy = JSONKeys.decoding
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        let header: Header
        do { header = try d.decode(Header.self, from: data) } catch {
            throw FileError(file: path, reason: "not valid JSON (\(describe(error)))")
        }
        guard header.format == format else {
            throw FileError(file: path, reason: "not a golive export (no \"format\": \"\(format)\")")
        }
        guard header.version == currentVersion else {
            let given = header.version.map(String.init) ?? "missing"
            throw FileError(
                file: path,
                reason: "export version \(given) is not supported (this golive reads version \(currentVersion))")
        }
        let doc: ExportDocument
        do { doc = try d.decode(ExportDocument.self, from: data) } catch {
            throw FileError(file: path, reason: describe(error))
        }
        if let problem = doc.problems().first { throw FileError(file: path, reason: problem) }
        return doc
    }

    func problems() -> [String] {
        var out: [String] = []
        let playbookNames = Set(playbooks.map(\.name))
        var ids = Set<Int64>()
        var names = Set<String>()
        for a in accounts {
            if !playbookNames.contains(a.playbook) {
                out.append("account \(a.id) uses playbook '\(a.playbook)', which is not in the file")
            }
            if !names.insert(a.name).inserted { out.append("account name '\(Text.inert(a.name))' appears twice") }
            if a.stages.isEmpty || a.stageIndex >= a.stages.count {
                out.append("account \(a.id) has no stage \(a.stageIndex)")
            }
            let own = a.checkpoints.map(\.id) + a.tasks.map(\.id) + a.touchpoints.map(\.id) + [a.id]
            for id in own where !ids.insert(id).inserted { out.append("id \(id) is used twice") }
            let checkpointIDs = Set(a.checkpoints.map(\.id))
            let taskIDs = Set(a.tasks.map(\.id))
            for t in a.tasks {
                if let c = t.checkpointID, !checkpointIDs.contains(c) {
                    out.append("task \(t.id) leads to checkpoint \(c), which is not on account \(a.id)")
                }
                for d in t.dependsOn where !taskIDs.contains(d) {
                    out.append("task \(t.id) depends on task \(d), which is not on account \(a.id)")
                }
                if !t.status.isAllowed(in: t.lane) {
                    out.append(
                        "task \(t.id): status \(t.status.rawValue) is not allowed in the \(t.lane.rawValue) lane")
                }
            }
        }
        let accountIDs = Set(accounts.map(\.id))
        for e in events {
            if let a = e.accountID, !accountIDs.contains(a) {
                out.append("event \(e.id) refers to account \(a), which is not in the file")
            }
        }
        if let maxID = ids.max(), nextID <= maxID {
            out.append("next_id \(nextID) is not above the largest id \(maxID)")
        }
        return out
    }

    static func describe(_ error: Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "" : "at \(p.hasPrefix(".") ? String(p.dropFirst()) : p): "
        }
        switch e {
        case .dataCorrupted(let c):
            return "\(path(c))\(c.underlyingError.map { "\($0.localizedDescription) " } ?? "")\(c.debugDescription)"
        case .keyNotFound(let k, let c): return "\(path(c))missing field '\(k.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c))\(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// Writes the document into `store`, which must be empty, in one transaction.
    public func restore(into store: Store) throws {
        try store.write { tx in
            guard try tx.isEmpty() else {
                throw StoreError(
                    "the store \(store.path) is not empty: restore only into a new store (--store NEW_PATH)")
            }
            for p in playbooks { try tx.upsert(p) }
            for a in accounts { try tx.insert(a) }
            for e in events { try tx.insert(e) }
            try tx.setNextID(nextID)
        }
        try store.compact()
    }
}
