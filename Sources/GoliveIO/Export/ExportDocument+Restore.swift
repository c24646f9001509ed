import Foundation
import GoliveDomain
import GoliveStore

extension ExportDocument {
    /// Reads and checks a whole export: its format and version, and that every reference in
    /// it (playbooks, events, checkpoints, dependencies) points at something in the file.
    /// The same reading as a streamed restore (`ExportFile`), kept whole.
    public static func read(path: String) throws -> ExportDocument {
        let file = try ExportFile.open(path: path)
        var accounts: [Account] = []
        var events: [Event] = []
        func keepAccounts(_ batch: [Account]) { accounts += batch }
        func keepEvents(_ batch: [PreparedEvent]) { events += batch.map(\.event) }
        try file.forEachBatch(size: 1_024, accounts: keepAccounts, events: keepEvents)
        return ExportDocument(
            format: format, version: currentVersion, nextID: file.nextID, playbooks: file.playbooks,
            accounts: accounts, events: events)
    }

    /// Everything import and the domain would refuse, each named by its JSON path: restore
    /// is as strict as import, so no export can put into a store what golive never would.
    func problems() -> [String] {
        var checks = ExportChecks(playbooks: playbooks)
        for (i, a) in accounts.enumerated() { checks.check(a, at: i) }
        for (i, e) in events.enumerated() { checks.check(e, at: i) }
        checks.finish(nextID: nextID)
        return checks.problems
    }

    /// A decoding error in words, with the JSON path of what was wrong (under `base`, the
    /// path of the value that was decoded).
    static func describe(_ error: Error, under base: String = "") -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func path(_ c: DecodingError.Context) -> String {
            let p = base + c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
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
}
